"""The curator's Jinja templates, run in a sandbox; every failure names the template and line.

A template is code from whoever wrote sources.yaml: it renders in `SandboxedEnvironment`
(no reaching into Python through `cycler.__init__.__globals__`), it can only include templates
beside it or bundled ones, and a mistake in it is a message with exit 2, never a traceback.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from digest.errors import DigestError


class TemplateError(DigestError):
    """A template cannot be compiled or rendered: nothing was written."""

    exit_code = 2

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.file, _, line = where.partition(":")
        self.line = int(line) if line.isdigit() else None
        self.problem = problem


def environment(
    folders: list[Path], *, html: bool, filters: Mapping[str, Callable[..., Any]]
) -> jinja2.Environment:
    """A sandboxed environment that loads templates from `folders`, in that order."""
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        autoescape=html,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(filters)
    return env


def render(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render template `name`; TemplateError naming the template and line of any failure."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:  # also an unknown filter or test, found at compile
        where = _where(env, exc.filename or exc.name, exc.lineno)
        raise TemplateError(where, exc.message or "invalid template") from None
    except RecursionError as exc:
        where = _runtime_place(env, exc) or _where(env, name, None)
        raise TemplateError(where, "includes or extends itself, without end") from None
    except jinja2.TemplateNotFound as exc:
        where = _runtime_place(env, exc) or _where(env, name, None)
        raise TemplateError(where, f"includes '{exc.name}', which is not found") from None
    except Exception as exc:  # an undefined name, the sandbox, a failing expression: {{ 1/0 }}
        where = _runtime_place(env, exc) or _where(env, name, None)
        message = exc.message if isinstance(exc, jinja2.TemplateError) else str(exc)
        raise TemplateError(where, message or type(exc).__name__) from None


def _folders(env: jinja2.Environment) -> list[str]:
    loader = env.loader
    return list(loader.searchpath) if isinstance(loader, jinja2.FileSystemLoader) else []


def _where(env: jinja2.Environment, filename: str | None, line: int | None) -> str:
    """The template as the curator names it (relative to its folder), with its line."""
    shown = filename or "template"
    for folder in _folders(env):
        if filename and os.path.isabs(filename) and filename.startswith(folder + os.sep):
            shown = os.path.relpath(filename, folder)
            break
    return f"{shown}:{line}" if line else shown


def _runtime_place(env: jinja2.Environment, exc: BaseException) -> str | None:
    """The innermost template line the failure went through (Jinja rewrites the traceback)."""
    folders = tuple(folder + os.sep for folder in _folders(env))
    place = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_code.co_filename
        if folders and filename.startswith(folders):
            place = _where(env, filename, line)
    return place
