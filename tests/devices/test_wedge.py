"""Keyboard-wedge scanner URLs, and bursts told apart from a person typing (no Qt, a clock passed in)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from app.devices.scanner_url import ScannerUrlError
from app.devices.wedge import ENTER, ETX, GS, STX, TAB, BurstDetector, Decision, Scan, WedgeSpec, parse_hid_url
from app.scanning.azerty import unscramble

SCANNER, PERSON = 0.008, 0.080  # seconds between keys


def test_hid_alone_gives_the_defaults() -> None:
    assert parse_hid_url("hid://") == WedgeSpec()
    assert parse_hid_url("hid://") == WedgeSpec(30, 4, frozenset({ENTER}), "", "", "none")


def test_a_full_hid_url() -> None:
    spec = parse_hid_url("hid://?gap_ms=20&min_length=6&terminator=enter,TAB&suffix=%23%23&prefix=%24%24")
    assert (spec.gap_ms, spec.min_length, spec.terminators, spec.suffix, spec.prefix, spec.framing) == (
        20, 6, frozenset({ENTER, TAB}), "##", "$$", "none",
    )  # fmt: skip
    assert parse_hid_url("hid://?terminator=TAB").terminators == frozenset({TAB})
    stx = parse_hid_url("hid://?framing=STX")
    assert (stx.framing, stx.terminators) == ("stx", frozenset())


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("serial:///dev/ttyACM0", "not a keyboard-wedge scanner URL"),
        ("hid:///dev/input/event3", "names no device"),
        ("hid://?gap=30", "unknown option 'gap'"),
        ("hid://?gap_ms=fast", "gap_ms must be a whole number"),
        ("hid://?gap_ms=100", "between 5 and 60"),
        ("hid://?min_length=1", "min_length must be between 2 and 64"),
        ("hid://?terminator=CR", "use ENTER, TAB or ENTER,TAB"),
        ("hid://?terminator=ENTER,LF", "terminator 'LF' unknown"),
        ("hid://?framing=crlf", "use none or stx"),
        ("hid://?suffix=", "suffix is empty"),
        ("hid://?prefix=%02", "printable characters"),
        ("hid://?suffix=123456789", "1 to 8"),
        ("hid://?framing=stx&terminator=TAB", "drop terminator"),
        ("hid://?framing=stx&prefix=%24", "drop prefix"),
    ],
)
def test_a_bad_url_says_what_to_fix(url: str, says: str) -> None:
    with pytest.raises(ScannerUrlError, match=says) as error:
        parse_hid_url(url)
    assert url in str(error.value)


def typed(detector: BurstDetector, keys: list[str], gap: float, start: float = 10.0) -> list[Decision]:
    """Feed keys ``gap`` seconds apart from ``start``."""
    return [detector.feed(key, start + i * gap) for i, key in enumerate(keys)]


def scans_of(decisions: list[Decision]) -> list[Scan]:
    return [d.scan for d in decisions if d.scan is not None]


def given_back(decisions: list[Decision]) -> list[str]:
    """What reaches the application as typing, in order: released keys, then passed keys."""
    out: list[str] = []
    for decision, key in decisions:
        out += decision.release
        if not decision.take:
            out.append(key)
    return out


def test_a_scanner_burst_is_one_scan_and_swallowed_whole() -> None:
    detector = BurstDetector()
    decisions = typed(detector, [*"BDG0001", ENTER], SCANNER)
    assert scans_of(decisions) == [Scan("BDG0001", False)]
    assert all(d.take and not d.release for d in decisions)  # nothing typed, the Enter neither
    assert not detector.holding


def test_a_person_typing_at_80_ms_is_given_back_in_order_and_never_a_scan() -> None:
    detector = BurstDetector()
    keys = [*"BDG0001", ENTER]
    decisions = typed(detector, keys, PERSON)
    assert scans_of(decisions) == []
    assert given_back(list(zip(decisions, keys, strict=True))) == keys
    assert decisions[-1] == Decision(False, ("1",))  # the last digit given back, then the Enter goes on


def test_held_keys_become_typing_when_the_pause_runs_out() -> None:
    detector = BurstDetector()
    assert detector.feed("a", 1.0).take
    assert detector.deadline == pytest.approx(1.030)
    assert detector.expire(1.030) == ()  # at most 30 ms apart is still a burst
    assert detector.expire(1.031) == ("a",)
    assert not detector.holding and detector.deadline is None


def test_the_gap_limit_is_the_one_configured() -> None:
    detector = BurstDetector(WedgeSpec(gap_ms=10))
    decisions = typed(detector, [*"1234", ENTER], 0.015)  # 15 ms: too slow for a 10 ms limit
    assert scans_of(decisions) == []
    assert given_back(list(zip(decisions, [*"1234", ENTER], strict=True))) == [*"1234", ENTER]


def test_a_short_fast_word_is_given_back_before_its_enter() -> None:
    detector = BurstDetector()  # min_length 4
    decisions = typed(detector, [*"ok", ENTER], SCANNER)
    assert scans_of(decisions) == []
    assert decisions[-1] == Decision(False, ("o", "k"))  # typed into the field, then the Enter


def test_min_length_is_configurable() -> None:
    assert scans_of(typed(BurstDetector(WedgeSpec(min_length=2)), [*"ok", ENTER], SCANNER)) == [Scan("ok", False)]
    assert scans_of(typed(BurstDetector(WedgeSpec(min_length=8)), [*"BDG0001", ENTER], SCANNER)) == []


def test_tab_ends_a_scan_when_configured_else_it_interrupts() -> None:
    by_tab = BurstDetector(parse_hid_url("hid://?terminator=TAB"))
    assert scans_of(typed(by_tab, [*"LOC-A-01", TAB], SCANNER)) == [Scan("LOC-A-01", False)]
    by_enter = BurstDetector()
    decisions = typed(by_enter, [*"LOC-A-01", TAB], SCANNER)
    assert scans_of(decisions) == [] and decisions[-1] == Decision(False, tuple("LOC-A-01"))
    both = BurstDetector(parse_hid_url("hid://?terminator=ENTER,TAB"))
    assert scans_of(typed(both, [*"TOT0042", TAB, *"TOT0043", ENTER], SCANNER)) == [
        Scan("TOT0042", False),
        Scan("TOT0043", False),
    ]


def test_a_suffix_ends_a_scan_and_a_following_enter_belongs_to_it() -> None:
    detector = BurstDetector(parse_hid_url("hid://?suffix=%23%23"))
    decisions = typed(detector, [*"#1001##", ENTER], SCANNER)
    assert scans_of(decisions) == [Scan("#1001", False)]  # a "#" inside the code is not the suffix
    assert all(d.take for d in decisions)  # the scanner's Enter after the suffix: swallowed too
    later = detector.feed(ENTER, 20.0)  # a person's Enter, long after: theirs
    assert later == Decision(False)


def test_a_prefix_frames_the_scan_and_keeps_other_typing_unheld() -> None:
    detector = BurstDetector(parse_hid_url("hid://?prefix=%24%24"))
    assert scans_of(typed(detector, [*"$$BDG0001", ENTER], SCANNER)) == [Scan("BDG0001", False)]
    assert detector.feed("x", 30.0) == Decision(False)  # cannot start a scan: not even held
    decisions = typed(detector, [*"$a"], SCANNER, start=40.0)
    assert decisions[1] == Decision(False, ("$",))  # "$a" is not the prefix: typing, in order


def test_stx_etx_framing_is_stripped_and_etx_ends_the_scan() -> None:
    detector = BurstDetector(parse_hid_url("hid://?framing=stx"))
    decisions = typed(detector, [STX, *"TOT0042", ETX, ENTER], SCANNER)
    assert scans_of(decisions) == [Scan("TOT0042", False)]
    assert all(d.take for d in decisions)
    assert detector.feed("a", 30.0) == Decision(False)  # no STX, no scan: a person's key goes on at once
    assert detector.feed(ETX, 31.0) == Decision(False)  # a person's Ctrl+C with nothing held: a copy


def test_the_gs_separator_and_the_aim_identifier_stay_in_the_scan() -> None:
    gs1 = f"]C10103012345678901{GS}10LOT7"
    assert scans_of(typed(BurstDetector(), [*gs1, ENTER], SCANNER)) == [Scan(gs1, False)]


def test_an_azerty_burst_is_mapped_back() -> None:
    assert scans_of(typed(BurstDetector(), [*"BDGààà&", ENTER], SCANNER)) == [Scan("BDG0001", True)]


def test_a_person_then_a_scan_right_after_the_pause() -> None:
    detector = BurstDetector()
    first = detector.feed("x", 0.0)
    burst = typed(detector, [*"BDG0001", ENTER], SCANNER, start=0.5)
    assert first.take and burst[0] == Decision(True, ("x",))  # the person's x typed, then the scan held
    assert scans_of(burst) == [Scan("BDG0001", False)]


def test_an_interruption_gives_back_what_was_held() -> None:
    detector = BurstDetector()
    typed(detector, [*"ab"], SCANNER)
    assert detector.interrupt() == ("a", "b")
    assert not detector.holding


def test_items_carried_with_the_keys_are_what_is_given_back() -> None:
    detector = BurstDetector()
    detector.feed("a", 0.0, item=("press", "a"))
    assert detector.expire(1.0) == (("press", "a"),)


def test_an_stx_mid_burst_opens_a_new_frame_and_an_unended_frame_is_given_back() -> None:
    detector = BurstDetector(parse_hid_url("hid://?framing=stx"))
    decisions = typed(detector, [STX, *"TOT", STX, *"TOT0042", ETX], SCANNER)
    assert decisions[4] == Decision(True, (STX, *"TOT"))  # the broken frame typed, the new one held
    assert scans_of(decisions) == [Scan("TOT0042", False)]
    typed(detector, [STX, *"TOT0043"], SCANNER, start=20.0)  # the ETX never comes
    assert detector.expire(21.0) == (STX, *"TOT0043")


PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


@given(st.lists(st.one_of(PRINTABLE, st.sampled_from([ENTER, TAB, GS])), max_size=30))
def test_a_person_s_keys_whatever_they_are_come_back_in_order(keys: list[str]) -> None:
    detector = BurstDetector(WedgeSpec(terminators=frozenset({ENTER, TAB})))
    out: list[str] = []
    for i, key in enumerate(keys):
        out += detector.expire(i * PERSON)  # the filter's timer, a little after each gap
        decision = detector.feed(key, i * PERSON + 0.031)
        assert decision.scan is None
        out += decision.release
        if not decision.take:
            out.append(key)
    out += detector.expire(len(keys) * PERSON)
    assert out == keys


@given(st.text(PRINTABLE, min_size=4, max_size=40))
def test_any_scanner_burst_is_one_scan_of_what_it_typed(code: str) -> None:
    decisions = typed(BurstDetector(), [*code, ENTER], SCANNER)
    assert scans_of(decisions) == [Scan(*unscramble(code))]
    assert all(d.take and not d.release for d in decisions)


def queued(detector: BurstDetector, keys: list[str], typed: list[float], came: list[float]) -> list[Decision]:
    """Feed keys typed at ``typed`` (the window system's clock) that came at ``came``."""
    return [detector.feed(key, now, typed_at=at) for key, at, now in zip(keys, typed, came, strict=True)]


def test_a_burst_that_waited_in_the_queue_is_timed_as_typed() -> None:
    """Typed 8 ms apart; the GUI thread was busy 45 ms after 6 keys, the rest came at once."""
    keys = [*"4006381333931", ENTER]
    typed = [500.0 + i * SCANNER for i in range(len(keys))]  # another clock than ``came``
    came = [10.0 + i * SCANNER for i in range(6)] + [10.0 + 5 * SCANNER + 0.045] * (len(keys) - 6)
    decisions = queued(BurstDetector(), keys, typed, came)
    assert scans_of(decisions) == [Scan("4006381333931", False)]
    assert all(d.take and not d.release for d in decisions)


def test_a_person_s_keys_that_waited_in_the_queue_are_still_typing() -> None:
    keys = [*"1234", ENTER]
    typed = [500.0 + i * PERSON for i in range(len(keys))]
    decisions = queued(BurstDetector(), keys, typed, [10.0] * len(keys))  # all came at once
    assert scans_of(decisions) == []
    assert given_back(list(zip(decisions, keys, strict=True))) == keys


def test_without_both_typing_times_keys_are_timed_as_they_came() -> None:
    # A synthesised key (no timestamp) after a typed one, or the window system's clock
    # going back (X11's wraps): the typing times say nothing, the arrival times decide.
    for second_typed in (None, 400.0):
        detector = BurstDetector()
        detector.feed("a", 10.0, typed_at=500.0)
        assert detector.feed("b", 10.1, typed_at=second_typed) == Decision(True, ("a",))
        assert detector.feed("c", 10.105, typed_at=None).take and detector.expire(10.2) == ("b", "c")


def test_the_pause_timer_counts_from_when_the_last_key_came() -> None:
    detector = BurstDetector()
    detector.feed("a", 10.0, typed_at=500.0)
    detector.feed("b", 10.1, typed_at=500.008)  # came late, typed right after: still held
    assert detector.deadline == pytest.approx(10.130)
    assert detector.expire(10.130) == ()
    assert detector.expire(10.131) == ("a", "b")


def test_a_straggling_enter_after_a_suffix_is_timed_as_typed() -> None:
    detector = BurstDetector(parse_hid_url("hid://?suffix=%23%23"))
    keys = [*"#1001##"]
    queued(detector, keys, [500.0 + i * SCANNER for i in range(len(keys))], [10.0] * len(keys))
    assert detector.feed(ENTER, 10.2, typed_at=500.0 + len(keys) * SCANNER) == Decision(True)  # queued: the scanner's
    assert detector.feed(ENTER, 10.201, typed_at=501.0) == Decision(False)  # typed a second later: a person's
