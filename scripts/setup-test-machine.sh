#!/usr/bin/env bash
# System packages the tests need on a fresh Debian machine: the browser the UI tests drive,
# CJK fonts (without them every Chinese glyph is a box), poppler for checking PDFs and LibreOffice
# for opening exports, and PostgreSQL for the second engine's tests.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
# Rare characters (CJK Extensions A–E) in printed forms: Hanazono Mincho, SIL OFL 1.1.
fc-list 2>/dev/null | grep -qi "HanaMinA" || need+=(fonts-hanazono)
# Exports are checked as LibreOffice opens them (converted to PDF, read back with pdftotext).
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc libreoffice-writer)
# The repository and service suites also run on PostgreSQL: scripts/test.mjs starts a throwaway
# cluster from these binaries (scripts/pg-test-cluster.mjs).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
