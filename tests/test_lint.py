"""Severity of findings: errors fail `check`, warnings only under --strict."""

from digest.lint import Finding, exit_code, format_findings

ERROR = Finding("sources.yaml", 12, "tracking", "source 2: tracking parameters")
WARNING = Finding("sources.yaml", 20, "old-article", "source 3: written in 2017", 3, "warning")


def test_errors_fail_and_warnings_fail_only_under_strict() -> None:
    assert exit_code([]) == 0
    assert exit_code([WARNING]) == 0
    assert exit_code([WARNING], strict=True) == 1
    assert exit_code([ERROR, WARNING]) == 1


def test_findings_print_their_severity_and_both_counts() -> None:
    assert format_findings([ERROR, WARNING]) == (
        "sources.yaml:12: source 2: tracking parameters\n"
        "sources.yaml:20: warning: source 3: written in 2017\n"
        "1 problem and 1 warning found."
    )
    assert format_findings([WARNING]) == (
        "sources.yaml:20: warning: source 3: written in 2017\n1 warning found."
    )
    assert WARNING.to_json()["severity"] == "warning"
