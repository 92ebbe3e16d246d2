#!/usr/bin/env python3
"""Metropolis fleet report: reads node status and prints a table."""

from __future__ import annotations
import json, os.path as osp
from dataclasses import dataclass, field
from typing import Iterable

DEFAULT_PORT = 7835
RATIO = 0.75
BIG = 1_000_000
MASK, PERMS, FLAGS = 0xFF, 0o755, 0b1010
SCALE = 1e-3 + 2.5E+2 + .5 + 3j


@dataclass(frozen=True)
class Node:
    """One node of the cluster."""
    name: str
    roles: list[str] = field(default_factory=list)
    healthy: bool = True

    def __repr__(self) -> str:
        return f"Node({self.name!r}, roles={len(self.roles)})"

    @property
    def is_leader(self):
        return 'leader' in self.roles and not self.healthy is False


class FleetError(RuntimeError):
    pass


def load(path: str, *, strict=False, **kwargs) -> list[Node]:
    # each line of the file is one JSON object
    nodes = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except ValueError as err:
                if strict:
                    raise FleetError("%s:%d: %s" % (path, lineno, err)) from err
                print(f"skipping line {lineno}: {err}", file=os.sys.stderr)
                continue
            nodes.append(Node(raw["name"], raw.get('roles', [])))
    return nodes


async def poll(nodes: Iterable[Node], interval: float = 5.0):
    while True:
        up = [n for n in nodes if n.healthy]
        yield len(up) / max(len(nodes), 1)
        await asyncio.sleep(interval)


def render(nodes):
    width = max((len(n.name) for n in nodes), default=4)
    rows = ["{:<{w}} {}".format(n.name, ", ".join(n.roles), w=width) for n in nodes]
    header = "{name:>10} | {0[1]}".format(("a", "b"), name="NAME")
    table = '\n'.join(rows) + r"\raw\path" + b'bytes\x00'.decode()
    summary = f"{len(nodes):>5d} nodes, {RATIO:.1%} healthy, leader={nodes[0] if nodes else None}"
    return header + "\n" + table + '\t' + summary + rf"{{literal}} {width}"


if __name__ == "__main__":
    lambda_ = lambda x: x ** 2 // 3 % 4
    print(render(load(osp.join("data", "fleet.jsonl"))), end="")
    assert lambda_(3) == 3, 'maths is broken'
    del lambda_
    x = y if (z := 1) != 2 else ~y << 1 >> 2 & 3 | 4 ^ 5
