"""What goes on the demo's barcode sheets, page by page (no Qt: the painter is in sheets.py).

The sheets let a person with a real USB scanner drive the demo: commands and
badges first (what you reach for most), then totes, the locations that hold
stock in walking order, and the products.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from app.domain.roles import Role
from app.labels.barcodes import BarcodePattern, code128, for_gtin, human_readable
from app.scanning.commands import COMMAND_LABELS, Command
from app.scanning.rules import DEFAULT_RULES, PrefixRules
from app.store.models import Location, Product, Stock, User

TOTE_COUNT = 24
ROLE_LABELS = {Role.PICKER: "Préparateur", Role.PACKER: "Emballeur", Role.SUPERVISOR: "Superviseur"}
# Coloured bands beside each command (outside the quiet zone) so the eye finds
# "Terminé" or "Abandonner" before reading; scanners only see the bars.
COMMAND_COLOURS = {
    Command.DONE: "#1b8a3a",
    Command.SHORT_PICK: "#d9730d",
    Command.UNDO: "#1f5fbf",
    Command.CANCEL: "#c62828",
    Command.REPRINT: "#6a3fa0",
    Command.LOGOUT: "#555555",
    Command.PAUSE: "#b8860b",
    Command.NEXT: "#00838f",
}


@dataclass(frozen=True)
class Cell:
    pattern: BarcodePattern
    title: str  # the big line (command in French, person's name, SKU…)
    subtitle: str = ""  # the smaller line (English label, roles, product name…)
    accent: str | None = None  # colour of the band on the left

    @property
    def caption(self) -> str:
        return human_readable(self.pattern)


@dataclass(frozen=True)
class Layout:
    columns: int
    rows: int
    title_pt: float  # size of the cell's title
    bar_height_mm: float
    # Narrowest element in 1/300 inch, so it is a whole number of dots at 300 dpi
    # (the test image) and 1200 dpi (the PDF) alike: 4 = 0.339 mm, 5 = 0.423 mm.
    # A handheld scanner reads >= 0.33 mm comfortably at arm's length.
    module_300: int = 4


@dataclass
class Page:
    title_fr: str
    title_en: str
    hint_fr: str
    hint_en: str
    layout: Layout
    cells: list[Cell] = field(default_factory=list)
    number: int = 0
    total: int = 0


COMMANDS = Layout(columns=2, rows=4, title_pt=26, bar_height_mm=26, module_300=5)
BADGES = Layout(columns=2, rows=4, title_pt=20, bar_height_mm=22)
SMALL = Layout(columns=3, rows=8, title_pt=13, bar_height_mm=11)
PRODUCTS = Layout(columns=3, rows=8, title_pt=11, bar_height_mm=12)


def _paginate(title_fr: str, title_en: str, hint_fr: str, hint_en: str, layout: Layout, cells: list[Cell]) -> list[Page]:
    per_page = layout.columns * layout.rows
    pages = []
    for start in range(0, len(cells), per_page):
        pages.append(Page(title_fr, title_en, hint_fr, hint_en, layout, cells[start:start + per_page]))
    return pages


def command_cells() -> list[Cell]:
    return [
        Cell(code128(command.barcode), COMMAND_LABELS[command][0], COMMAND_LABELS[command][1], COMMAND_COLOURS[command])
        for command in Command
    ]


def badge_cells(session: Session) -> list[Cell]:
    users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.badge)).all()
    cells = []
    for user in users:
        roles = " + ".join(ROLE_LABELS[r] for r in Role if r.value in user.role_set)
        if user.pin_hash:
            roles += " · PIN requis / PIN required"
        cells.append(Cell(code128(user.badge), user.name, roles))
    return cells


def tote_cells(rules: PrefixRules = DEFAULT_RULES) -> list[Cell]:
    return [Cell(code128(f"{rules.tote_prefix}{n:03d}"), f"Bac {n}", "Tote") for n in range(1, TOTE_COUNT + 1)]


def location_cells(session: Session) -> list[Cell]:
    """Locations that hold stock, in walking order: the ones a demo pick list sends you to."""
    stocked = select(Stock.location_id).where(Stock.quantity > 0)
    locations = session.scalars(
        select(Location).where(Location.id.in_(stocked)).order_by(Location.pick_sequence, Location.code)
    ).all()
    return [Cell(code128(loc.code), loc.code, f"Zone {loc.zone} · allée {loc.aisle}") for loc in locations]


def product_cells(session: Session) -> list[Cell]:
    query = select(Product).where(Product.requires_shipping.is_(True)).order_by(Product.sku)
    products = session.scalars(query.options(selectinload(Product.gtins))).all()
    cells = []
    for product in products:
        if product.gtins:
            cells.append(Cell(for_gtin(product.gtins[0].gtin), product.sku, product.name))
    return cells


def _command_pages() -> list[Page]:
    return _paginate("Commandes", "Commands", "Scannez pour agir sans toucher l'écran.",
                     "Scan to act without touching the screen.", COMMANDS, command_cells())


def _badge_pages(session: Session) -> list[Page]:
    return _paginate("Badges", "Badges", "Scannez votre badge pour ouvrir une session.",
                     "Scan your badge to log in.", BADGES, badge_cells(session))


def _tote_pages(rules: PrefixRules) -> list[Page]:
    return _paginate("Bacs", "Totes", "Un bac par commande pendant le prélèvement.",
                     "One tote per order while picking.", SMALL, tote_cells(rules))


def _location_pages(session: Session) -> list[Page]:
    return _paginate("Emplacements", "Locations", "Dans l'ordre du parcours de prélèvement.",
                     "In pick-walk order.", SMALL, location_cells(session))


def _product_pages(session: Session) -> list[Page]:
    return _paginate("Produits", "Products", "Code GTIN imprimé sur l'article (EAN-13, ITF-14 pour les cartons).",
                     "The GTIN printed on the item (EAN-13, ITF-14 for cases).", PRODUCTS, product_cells(session))


def _numbered(pages: list[Page]) -> list[Page]:
    for number, page in enumerate(pages, start=1):
        page.number, page.total = number, len(pages)
    return pages


def build_pages(factory: sessionmaker[Session], rules: PrefixRules = DEFAULT_RULES) -> list[Page]:
    """The whole demo sheet: commands, badges, totes, locations, products."""
    with factory() as session:
        pages = [*_command_pages(), *_badge_pages(session), *_tote_pages(rules), *_location_pages(session),
                 *_product_pages(session)]
    return _numbered(pages)


SHEET_KINDS = ("commands", "locations", "badges", "totes", "products")


def build_sheet(factory: sessionmaker[Session], kind: str, rules: PrefixRules = DEFAULT_RULES) -> list[Page]:
    """Only one section's pages (``quai label sheet commands|locations|badges``), numbered
    on their own: ``commands``, ``locations``, ``badges`` (and ``totes``, ``products``).
    A section with nothing to print (no active user, no stocked location) is a LookupError
    saying so, rather than an empty PDF."""
    if kind not in SHEET_KINDS:
        raise ValueError(f"unknown sheet {kind!r}: choose one of {', '.join(SHEET_KINDS)}")
    if kind == "commands":
        pages = _command_pages()
    elif kind == "totes":
        pages = _tote_pages(rules)
    else:
        with factory() as session:
            pages = {"locations": _location_pages, "badges": _badge_pages, "products": _product_pages}[kind](session)
    if not pages:
        what = {"locations": "no location holds stock", "badges": "no active user has a badge",
                "products": "no product has a GTIN"}[kind]
        raise LookupError(f"nothing to print on the {kind} sheet: {what}")
    return _numbered(pages)
