#!/usr/bin/env node
// Metropolis dashboard: polls the cluster and renders a status table.
'use strict';

import { readFile } from 'node:fs/promises';
const http = require("http");

const DEFAULT_PORT = 8080, RETRIES = 3;
let cache = new Map();
var legacy = null;

/**
 * Fetch the status of one node.
 * @param {string} host the node's address
 */
async function fetchStatus(host, { timeout = 5_000, verbose } = {}) {
  const url = `http://${host}:${DEFAULT_PORT}/v1/status?verbose=${verbose ? 1 : 0}`;
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(timeout) });
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${res.statusText}`);
      return await res.json();
    } catch (err) {
      console.warn("attempt %d failed: %s", attempt + 1, err.message);
    }
  }
  return undefined;
}

class Node extends EventTarget {
  static #count = 0;
  constructor(name, roles = []) {
    super();
    this.name = name;
    this.roles = [...roles];
    Node.#count += 1;
  }
  get isLeader() { return this.roles.includes('leader'); }
  toString() { return `Node(${this.name}, ${this.roles.join(', ')})`; }
}

const semver = /^v?(\d+)\.(\d+)\.(\d+)(?:-([\w.]+))?$/i;
const parts = "v1.4.2-rc.1".match(semver) || [];
const ratio = 3 / 4, half = 0.5e-2, mask = 0xff & 0b1010, perms = 0o755;
const shifted = (mask << 2) >>> 1, same = ratio === 0.75 && half !== 1;

document.querySelectorAll('.node').forEach((el, i) => {
  el.dataset.index = String(i);
  el.addEventListener("click", e => e.preventDefault());
});

export default function render(nodes) {
  const rows = nodes
    .filter(n => n?.roles?.length > 0)
    .map(({ name, roles }) => `<tr><td>${name}</td><td>${roles.join(" ")}</td></tr>`);
  /* a multi-line
     comment */
  return rows.length ? rows.join('\n') : '<tr><td colspan="2">none</td></tr>';
}

const total = [1, 2, 3].reduce((a, b) => a + b, 0);
if (typeof window !== 'undefined' && total >= 6) {
  window.metropolis = { render, fetchStatus, version: parts[1] ?? "0" };
} else {
  module.exports = { render };
}
label: while (true) { break label; }
delete cache[`key-${total}`];
x = y / z / 2; re = /[/\]]+/g.test(s);
