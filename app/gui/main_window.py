"""The station's main window: a stack of screens over a status area.

``MainWindow(config, services)`` takes everything from outside (no global window): the
``StationConfig`` and the ``StationServices`` (replica and central workers, language
switcher, sounds). All methods run in the GUI thread; database work is submitted to the
workers and comes back through their callbacks. Once the replica is prepared, the outbox is
synced with the central database on the central worker every ``PUSH_MS`` (and right after a
login or logout is written, and when PostgreSQL notifies a change): one cycle of the station's
engine at a time (push the outbox, pull the changes, renew the claims: app.sync.engine),
retried with backoff after a failure (app.sync.worker.PushSchedule decides when). Scans from
every scanner (``services.scanners``, app.gui.scanner_hub) go through app.gui.scan_router to the
screen on show, with a flash, a sound and, for errors, a banner (app.gui.feedback). Nothing touches a database before the
window is first shown, and only the login screen is built before it: the role chooser and
the home screens (with their models and the order statuses) are imported and built on
first use.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from app.gui.console.console_ui import ConsoleUi
from app.gui.dock_ui import DockUi
from app.gui.feedback import ScanFeedback
from app.gui.forms.ui_main_window import Ui_MainWindow
from app.gui.printers_ui import PrintersUi
from app.gui.scan_router import ScanRouter
from app.gui.screens.login import LoginScreen
from app.gui.services import StationServices
from app.gui.state import LoginPresenter, StationSession, StatusModel
from app.gui.status_area import StatusArea
from app.gui.supervisor_access import SupervisorAccess

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from app.gui.data import UserInfo
    from app.gui.packing_ui import PackingUi
    from app.gui.picking_ui import PickingUi
    from app.gui.screens.home_base import HomeScreen
    from app.gui.screens.role_chooser import RoleChooser
    from app.gui.screens.scanner_test import ScannerTestScreen
    from app.scanning.classify import Scan
    from app.sync.worker import PushSchedule

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

QUEUE_OF_ROLE = {"picker": "new", "packer": "picked"}
# "module:class", imported when the role's home is first shown.
HOME_SCREENS = {
    "picker": "app.gui.screens.home_picker:PickerHome",
    "packer": "app.gui.screens.home_packer:PackerHome",
    "supervisor": "app.gui.screens.home_supervisor:SupervisorHome",
}


class _Waker(QObject):
    """Carries the change listener's wake-ups (its own thread) into the GUI thread."""

    woken = Signal()


class _CurrentSounds:
    """The services' player at the time of each sound: the real one replaces the silent one
    after the window is shown (QtMultimedia is slow to load)."""

    def __init__(self, services: StationServices) -> None:
        self._services = services

    def play(self, name: str) -> None:
        self._services.sounds.play(name)


class MainWindow(QMainWindow):
    #: A sync cycle pulled central changes into the replica (rows written): the console's
    #: live views (app.gui.console.live) read it again. Emitted in the GUI thread.
    replica_changed = Signal()
    # Class-level defaults: Qt sends events (setupUi's title change) before __init__ ends.
    _background_started = False
    _logging_out = False
    _pings_unanswered = 0  # ping ticks that found the previous ping still running
    _pending_login: tuple[UserInfo, str] | None = None  # login event queued, not yet written
    _startup_job: Callable[[], None] | None = None
    _push: PushSchedule | None = None  # set once the replica is prepared: pushes may run
    _closing = False
    _picking: PickingUi | None = None  # built at the first picker login
    _packing: PackingUi | None = None  # built at the first packer login
    _push_epoch = 0  # pushes answered so far: an outbox count older than the last push is dropped
    CENTRAL_PING_MS = 15_000
    PUSH_MS = 5_000
    REFRESH_MS = 20_000

    def __init__(
        self,
        config,
        services: StationServices,
        parent: QWidget | None = None,
        *,
        push_schedule: PushSchedule | None = None,
    ) -> None:
        """``push_schedule``: when to push (tests give one with short backoff delays); by
        default pushes every ``PUSH_MS`` with app.sync.backoff.Backoff's delays."""
        super().__init__(parent)
        self._push_schedule = push_schedule
        self.config = config
        self.services = services
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Quai — {config.name}")

        self.login_presenter = LoginPresenter(station_kind=config.kind)
        self.session = StationSession()
        self.status = StatusModel(station=config.name, central_embedded=config.central_is_embedded, session=self.session)

        self.login_screen = LoginScreen(self.login_presenter)
        # The role chooser and the home screens are built on first use: the login screen shows sooner.
        self._chooser: RoleChooser | None = None
        self.homes: dict[str, HomeScreen] = {}
        self.ui.stack.addWidget(self.login_screen)
        self.ui.stack.setCurrentWidget(self.login_screen)
        self.status_area = StatusArea(self.ui, self.status, self)
        self.feedback = ScanFeedback(self, _CurrentSounds(services))
        self.scan_router = ScanRouter(self, self.feedback, self._scan_on_screen, config.scan_rules)
        self._scanner_test: ScannerTestScreen | None = None
        self.printers = PrintersUi(self)
        self.dock = DockUi(self)  # the shipping dock (app.gui.dock_ui)
        self.access = SupervisorAccess(self)  # a supervisor's PIN after the badge (app.gui.supervisor_access)
        self.console = ConsoleUi(self)  # the supervisor's console (app.gui.console.console_ui)
        self.ui.stack.currentChanged.connect(self._screen_changed)
        self._screen_changed()

        self.login_screen.submitted.connect(self.submit_badge)
        self.login_screen.acknowledged.connect(self._acknowledge_error)
        self.login_screen.language_requested.connect(self.switch_language)
        self.status_area.language_requested.connect(self.switch_language)

        self._ping_timer = QTimer(self)
        self._ping_timer.setInterval(self.CENTRAL_PING_MS)
        self._ping_timer.timeout.connect(self.ping_central)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(self.REFRESH_MS)
        self._refresh_timer.timeout.connect(self._periodic_refresh)
        self._push_timer = QTimer(self)
        self._push_timer.setSingleShot(True)
        self._push_timer.timeout.connect(self._push_tick)
        self._background_started = False
        self._sync_language_toggles()

    # --- start-up ----------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if not self._background_started and event.type() == QEvent.Type.Paint:
            self._background_started = True
            # After the first paint: the window is on screen before any database is
            # opened, and the workers' imports (SQLAlchemy) do not compete with it for the GIL.
            QTimer.singleShot(0, self.start_background)
        return super().event(event)

    @property
    def startup_job(self) -> Callable[[], None] | None:
        """Set by run_station: migrate and fill the replica; runs after the first paint, before
        any other replica job. Until it has run, the login screen says the station is preparing."""
        return self._startup_job

    @startup_job.setter
    def startup_job(self, job: Callable[[], None] | None) -> None:
        self._startup_job = job
        self._set_preparing(job is not None)

    def _set_preparing(self, preparing: bool) -> None:
        self.login_presenter.preparing = preparing
        self.login_screen.render()

    def _startup_done(self, _result: object) -> None:
        self._set_preparing(False)
        self.refresh_home()
        self._start_pushing()

    def _startup_failed(self, error: Exception) -> None:
        log.warning("the station's local copy was not refreshed: %s", error)
        self._set_preparing(False)
        self.status.replica_stale = True
        self.status_area.render()
        self._start_pushing()  # the outbox is the station's own: it goes out even on an old copy

    def start_background(self) -> None:
        """Start the workers' jobs: the start-up job first (fill the replica), then the pings,
        and the pushes once the replica is prepared (at once when there is no start-up job)."""
        job = self._startup_job
        if job is not None:
            self._startup_job = None  # still preparing until it has run
            self.services.replica.submit(lambda _ctx: job(), self._startup_done, self._startup_failed)
        self._start_scanners()
        self.printers.start()
        self.ping_central()  # before the first push: a ping finding a push pending would not go out
        self.refresh_outbox()
        if job is None:
            self._start_pushing()
        self._ping_timer.start()
        self._refresh_timer.start()

    def _screen_changed(self) -> None:
        # The login screen has its own, bigger FR | EN toggle; one pair on screen is enough.
        on_login = self.ui.stack.currentWidget() is self.login_screen
        self.ui.langFrButton.setVisible(not on_login)
        self.ui.langEnButton.setVisible(not on_login)
        if on_login:
            self.login_screen.focus_scan_field()

    @property
    def chooser(self) -> RoleChooser:
        if self._chooser is None:
            from app.gui.screens.role_chooser import RoleChooser

            self._chooser = RoleChooser()
            self._chooser.chosen.connect(self._role_chosen)
            self._chooser.cancelled.connect(self._back_to_login)
            self.ui.stack.addWidget(self._chooser)
        return self._chooser

    @property
    def current_screen(self) -> QWidget:
        return self.ui.stack.currentWidget()

    # --- scanners -----------------------------------------------------------------------------
    def _start_scanners(self) -> None:
        QTimer.singleShot(0, self.scan_router.warm_up)  # after the first paint, before the first scan
        hub = self.services.scanners
        if hub is None:
            return
        hub.scanned.connect(self.scan_router.route)
        hub.states_changed.connect(self._scanner_states_changed)
        try:
            hub.start()
        except Exception as exc:  # a reader that cannot even start must not take the station down
            log.error("scanners not started: %s", exc)
        self._scanner_states_changed()

    def _scanner_states_changed(self) -> None:
        hub = self.services.scanners
        if hub is None:
            return
        summary = hub.summary()
        if summary.bad and self.status.scanner != summary.state:
            self.services.sounds.play("attention")  # a scanner went away: say it, once
        self.status.scanner = summary.state
        self.status.scanner_label = summary.label
        self.status.scanners_working = summary.working
        self.status_area.render()
        if self._scanner_test is not None:
            self._scanner_test.show_states(hub.states)

    def _scan_on_screen(self, scan: Scan, source: str) -> None:
        """A scan for the screen on show (no banner to acknowledge, no dialog open)."""
        from app.gui import texts
        from app.scanning.classify import ScanKind
        from app.scanning.commands import Command

        screen = self.current_screen
        if screen is not None and screen is self._scanner_test:
            self._test_scan(scan, source)
            return
        if scan.kind == ScanKind.MISREAD:
            self.feedback.bad(texts.misread_text(scan.reason, scan.raw))
            return
        if screen is self.login_screen:
            if scan.kind == ScanKind.COMMAND:
                self.feedback.attention(translate("Scan", "Log in first: scan your badge."))
            else:
                self.submit_badge(scan.raw)  # the login screen says what is wrong with it
            return
        if self._chooser is not None and screen is self._chooser:
            if scan.command is Command.CANCEL:
                self._back_to_login()
            else:
                self.feedback.attention(translate("Scan", "Choose your role on the screen, or tap “Not me”."))
            return
        if self.access.handle_scan(scan) or self.console.handle_scan(scan):
            return
        if self.dock.handle_scan(scan):
            return
        if self.session.role == "picker" and self.picking.handle_scan(scan):
            return
        if self.session.role == "packer" and self.packing.handle_scan(scan):
            return
        if scan.command is Command.LOGOUT and self.session.logged_in:
            self.feedback.good()
            self.logout(reason="scan")
            return
        self.feedback.attention(translate("Scan", "No scan is expected on this screen."))

    def show_scanner_test(self) -> None:
        if self._scanner_test is None:
            from app.gui.screens.scanner_test import ScannerTestScreen

            self._scanner_test = ScannerTestScreen()
            self._scanner_test.back_requested.connect(self._leave_scanner_test)
            self.ui.stack.addWidget(self._scanner_test)
        hub = self.services.scanners
        self._scanner_test.show_states(hub.states if hub is not None else ())
        self.ui.stack.setCurrentWidget(self._scanner_test)

    def _leave_scanner_test(self) -> None:
        self.back_home()

    def back_home(self) -> None:
        """From a tool screen (scanner test, printers) back to the home of the role logged in."""
        role = self.session.role
        if role is not None and role in self.homes:
            self.ui.stack.setCurrentWidget(self.homes[role])
        else:
            self._back_to_login()

    def _test_scan(self, scan: Scan, source: str) -> None:
        screen = self._scanner_test
        rules = self.config.scan_rules

        def done(report: dict) -> None:
            if screen is not None:
                screen.add_report(source, report)
            if report.get("error"):
                self.feedback.flash_bad()
            else:
                self.feedback.flash_good()

        def failed(error: Exception) -> None:
            from app.scanning.report import scan_report

            if screen is not None:  # the replica cannot be read: what the text alone says
                screen.add_report(source, scan_report(scan.raw, None, rules))
            self.feedback.flash_bad()

        self.services.replica.submit(lambda ctx: ctx.scan_report(scan.raw, rules), done, failed)

    # --- login -------------------------------------------------------------------------------
    def submit_badge(self, text: str) -> None:
        if self.session.logged_in or self.current_screen is not self.login_screen:
            log.info("scan ignored: the login screen is not shown")  # never a second session
            return
        badge = self.login_presenter.submit(text)
        if badge is None:
            return
        self.login_screen.render()
        self._look_up(badge)

    def _look_up(self, badge: str) -> None:
        self.services.replica.submit(lambda ctx: ctx.lookup_badge(badge), self._badge_looked_up, self._lookup_failed)

    def _badge_looked_up(self, user: UserInfo | None) -> None:
        later = self.login_presenter.take_pending()
        if later is not None:  # another badge was scanned meanwhile: the last scan wins
            self._look_up(later)
            return
        outcome = self.login_presenter.resolve(user)
        if outcome.kind == "error":
            self.feedback.flash_bad()  # the login screen says why, in its error frame
            self.login_screen.render()
            self.login_screen.focus_scan_field()
        elif outcome.kind == "home":
            self._role_ready(outcome.user, outcome.roles[0])
        else:
            self.login_screen.render()
            self.session.offered_roles = outcome.roles
            self.chooser.show_choice(outcome.user, outcome.roles)
            self.ui.stack.setCurrentWidget(self.chooser)

    def _lookup_failed(self, error: Exception) -> None:
        later = self.login_presenter.take_pending()
        if later is not None:
            self._look_up(later)
            return
        self.feedback.flash_bad()
        self.login_presenter.failed(str(error).splitlines()[0] if str(error) else type(error).__name__)
        self.login_screen.render()
        self.ui.stack.setCurrentWidget(self.login_screen)
        self.login_screen.focus_scan_field()

    def _acknowledge_error(self) -> None:
        self.login_presenter.acknowledge()
        self.login_screen.render()

    def _role_chosen(self, role: str) -> None:
        # A double tap (or a tap on the other role) must not log the person in twice.
        if self.chooser.user is not None and role in self.session.offered_roles and not self.login_presenter.busy:
            self.session.offered_roles = ()
            self.login_presenter.logging_in()
            self._role_ready(self.chooser.user, role)

    def _role_ready(self, user: UserInfo, role: str) -> None:
        """A supervisor proves it with their PIN first (app.gui.supervisor_access); others log in."""
        if role == "supervisor":
            self.access.ask(user, lambda granted: self._begin(granted, role))
        else:
            self._begin(user, role)

    def _back_to_login(self) -> None:
        self.session.end()
        self.login_presenter.acknowledge()
        self.login_screen.render()
        self.ui.stack.setCurrentWidget(self.login_screen)
        self.login_screen.focus_scan_field()

    def _begin(self, user: UserInfo, role: str) -> None:
        """Record the login, and show the home screen only once the event is committed.

        The login presenter stays busy (LOGGING_IN) until then: another scan starts nothing.
        """
        station = self.config.name
        self._pending_login = (user, role)

        def done(_result: object) -> None:
            self._pending_login = None
            self.login_presenter.acknowledge()
            self.login_screen.render()
            self.session.start(user, role)
            self.status.unrecorded_logout = None  # a write went through
            self.status.lost_claim = None  # told to the person before; a new session starts clean
            self.status_area.render()
            home = self.home(role)
            home.set_user(user)
            home.set_loading()
            self.ui.stack.setCurrentWidget(home)
            self.feedback.good()
            self.refresh_home()
            if role == "picker":
                self.picking.logged_in(user, lambda: None)  # an unfinished pick of this station comes back
            elif role == "packer":
                self.packing.logged_in(user, lambda: None)  # an unfinished pack of this station comes back
            elif role == "supervisor" and self.config.kind == "supervisor":
                self.console.show_screen()  # a supervisor station opens on the console
            self.refresh_outbox()
            self.push_now()  # the login event goes out now, not at the next tick

        def failed(error: Exception) -> None:
            self._pending_login = None
            self._lookup_failed(error)

        self.services.replica.submit(lambda ctx: ctx.record_login(user, role, station), done, failed)

    def home(self, role: str) -> HomeScreen:
        if role not in self.homes:
            module, name = HOME_SCREENS[role].split(":")
            home = getattr(importlib.import_module(module), name)()
            home.logout_requested.connect(self.logout)
            home.refresh_requested.connect(self.refresh_home)
            if hasattr(home, "scanner_test_requested"):
                home.scanner_test_requested.connect(self.show_scanner_test)
            if hasattr(home, "printers_requested"):
                home.printers_requested.connect(self.printers.show_screen)
            if hasattr(home, "dock_requested"):
                home.dock_requested.connect(self.dock.show_screen)
            if hasattr(home, "console_requested"):
                home.console_requested.connect(self.console.show_screen)
            if role == "picker":
                self.picking.attach_home(home)
            elif role == "packer":
                self.packing.attach_home(home)
            self.ui.stack.addWidget(home)
            self.homes[role] = home
        return self.homes[role]

    # --- home --------------------------------------------------------------------------------
    def refresh_home(self) -> None:
        role = self.session.role
        if role is None:
            return
        home = self.homes[role]

        def done(data: object) -> None:
            if self.session.role == role:  # the person may have logged out meanwhile
                home.show_data(data)

        def failed(error: Exception) -> None:
            if self.session.role == role:
                home.show_error(str(error).splitlines()[0] if str(error) else type(error).__name__)

        if role == "supervisor":
            self.console.refresh()  # the console's lists, when it is open
        if role in QUEUE_OF_ROLE:
            status = QUEUE_OF_ROLE[role]
            self.services.replica.submit(lambda ctx: ctx.queue(status), done, failed)
        else:
            self.services.replica.submit(lambda ctx: ctx.overview(), done, failed)

    def logout(self, reason: str = "button") -> None:
        user, role = self.session.user, self.session.role
        if user is None or role is None or self._logging_out:
            return  # nobody, or the logout is already being written (a tap, then the window closed)
        self._logging_out = True
        home = self.homes[role]
        home.set_busy_logging_out(True)
        station = self.config.name

        def recorded(_result: object) -> None:
            self.status.unrecorded_logout = None
            finish()

        def finish() -> None:
            self._logging_out = False
            home.set_busy_logging_out(False)
            self.session.end()
            self.status_area.render()
            self._back_to_login()
            self.refresh_outbox()
            self.push_now()

        def failed(error: Exception) -> None:
            # Never keep a session open because the audit event failed; say so in the log and
            # in the status area, until the next login or logout is written.
            log.error("logout of %s not recorded: %s", user.badge, error)
            self.status.unrecorded_logout = user.name
            finish()

        def record() -> None:
            self.services.replica.submit(lambda ctx: ctx.record_logout(user, role, station, reason), recorded, failed)

        if self._picking is not None and self._picking.controller.active:
            # A window closing keeps the pick (resumed at the next start, as after a crash):
            # a release would need the event loop that is ending.
            policy = "keep" if reason == "window_closed" else self.config.picking.on_logout
            self._picking.logging_out(policy, record)
        elif self._packing is not None and self._packing.controller.active:
            # A pack is kept by default (its tote stays at the station); see app.gui.packing_ui.
            policy = "keep" if reason == "window_closed" else self._packing.controller.on_logout
            self._packing.logging_out(policy, record)
        else:
            record()

    # --- picking -------------------------------------------------------------------------------
    @property
    def picking(self) -> PickingUi:
        """The picker's flow (app.gui.picking_ui), built at the first picker login."""
        if self._picking is None:
            from app.gui.pick_controller import PickController
            from app.gui.picking_ui import PickingUi

            controller = PickController(self.services, self.feedback, self.config.name, self.config.picking, self)
            self._picking = PickingUi(self, controller)
        return self._picking

    @property
    def packing(self) -> PackingUi:
        """The packer's flow (app.gui.packing_ui), built at the first packer login."""
        if self._packing is None:
            from app.gui.pack_controller import PackController
            from app.gui.packing_ui import PackingUi

            controller = PackController(self.services, self.feedback, self.config.name, self.config.packing,
                                        self.config.labels, self)
            self._packing = PackingUi(self, controller)
        return self._packing

    # --- status area -------------------------------------------------------------------------
    def ping_central(self) -> None:
        def done(state: str) -> None:
            self.status.central = state
            self.status_area.render()

        def failed(_error: Exception) -> None:
            self.status.central = "offline"
            self.status_area.render()

        if self.services.central.pending:
            # The previous ping has not answered (a hung connection): do not pile up more, and
            # stop claiming "online": unknown at the first tick, offline at the next.
            self._pings_unanswered += 1
            self.status.central = None if self._pings_unanswered == 1 else "offline"
            self.status_area.render()
            return
        self._pings_unanswered = 0
        self.services.central.submit(lambda ctx: ctx.ping(), done, failed)

    def refresh_outbox(self) -> None:
        epoch = self._push_epoch

        def done(count: int) -> None:
            if epoch != self._push_epoch:
                return  # a push answered meanwhile: its count may be the fresher one
            self.status.outbox = count
            self.status_area.render()

        def failed(error: Exception) -> None:
            log.warning("the outbox could not be counted: %s", error)
            self.status.outbox = None  # unknown, rather than an old count
            self.status_area.render()

        self.services.replica.submit(lambda ctx: ctx.outbox_size(), done, failed)

    # --- push: outbox to central --------------------------------------------------------------
    def _start_pushing(self) -> None:
        if self._push is not None or self._closing:
            return
        if self._push_schedule is None:
            from app.sync.worker import PushSchedule  # after the first paint, never before

            self._push_schedule = PushSchedule(interval=self.PUSH_MS / 1000)
        self._push = self._push_schedule
        self.push_now()
        # PostgreSQL tells the station when something changed: sync then, not at the next tick.
        waker = _Waker(self)
        waker.woken.connect(self.push_now)  # queued: emitted in the listener's thread
        self.services.central.submit(lambda ctx: ctx.listen(waker.woken.emit))

    def push_now(self) -> None:
        """A local write added events: push them now, unless a push is pending (it then runs
        again as soon as that one answers) or a retry after a failure is already scheduled
        (the backoff is kept). Does nothing before the replica is prepared."""
        schedule = self._push
        if schedule is not None and schedule.failures and self._push_timer.isActive():
            return
        self._push_tick()

    def _push_tick(self) -> None:
        schedule = self._push
        if schedule is None or self._closing:
            return
        if not schedule.begin():
            return
        self._push_timer.stop()
        station = self.config.name
        refill = self.printers.sscc_refill()  # in the same job: a tick never queues a second one

        def cycle(ctx):
            report = ctx.sync(station)
            refill(ctx)
            return report, ctx.online_state()

        self.services.central.submit(cycle, self._pushed, self._push_failed)

    def _pushed(self, answer: tuple) -> None:
        """A sync cycle went through (app.sync.engine.CycleReport): pushed, pulled, renewed."""
        result, state = answer
        assert self._push is not None
        now = datetime.now().astimezone()
        delay = self._push.succeeded(now)
        self._push_epoch += 1
        self.status.central = state  # it answered: as good as a ping
        self._pings_unanswered = 0
        self.status.last_sync = now
        self.status.outbox = result.remaining
        if result.lost:
            lost = result.lost[-1]
            log.warning("claim on order %s lost: %s", lost.order_number, lost.why)
            self.status.lost_claim = (lost.order_number, lost.why)
            # The pick or pack in hand on one of them stops now, with a banner (app.gui.lost_claims).
            for item in result.lost:
                for ui in (self._picking, self._packing):
                    if ui is not None:
                        ui.controller.claim_lost(item.order_number, item.why, item.put_back)
        self.status_area.render()
        if result.pulled and self.session.logged_in:
            self.refresh_home()  # the queues changed centrally
        if result.pulled:
            self.replica_changed.emit()
        self._schedule_push(delay)

    def _push_failed(self, error: Exception) -> None:
        assert self._push is not None
        delay = self._push.failed()
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        log.warning("push to the central database failed (retry in %.1f s): %s", delay, detail)
        self.status.central = "offline"
        self.status_area.render()
        self.refresh_outbox()  # nothing left the outbox; show what waits
        self._schedule_push(delay)

    def _schedule_push(self, delay: float) -> None:
        if not self._closing:
            self._push_timer.start(max(0, round(delay * 1000)))

    def _periodic_refresh(self) -> None:
        self.refresh_outbox()
        if self.session.logged_in:
            self.refresh_home()

    # --- language ----------------------------------------------------------------------------
    def switch_language(self, language: str) -> None:
        self.services.language.switch(language)
        self._sync_language_toggles()
        if self.current_screen is self.login_screen:
            self.login_screen.focus_scan_field()  # a wedge scanner types into the focused widget

    def _sync_language_toggles(self) -> None:
        language = self.services.language.language or "fr"
        self.login_screen.set_language(language)
        self.status_area.set_language(language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self.setWindowTitle(f"Quai — {self.config.name}")
            self.status_area.render()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Queued before the workers stop, so it is written (once: a logout under way is not repeated).
        if self.session.logged_in:
            self.logout(reason="window_closed")
        elif self._pending_login is not None:  # the login is queued: close the session it opens
            user, role = self._pending_login
            station = self.config.name
            self._pending_login = None
            self.services.replica.submit(lambda ctx: ctx.record_logout(user, role, station, "window_closed"))
        self._closing = True
        if self._packing is not None:
            self._packing.stop_scale()
        self._ping_timer.stop()
        self._refresh_timer.stop()
        self._push_timer.stop()
        super().closeEvent(event)
