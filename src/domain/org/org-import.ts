// The organisation file (samples/README.md): one row per official, checked as a whole before anything is written.
// Every problem is reported with its line, so the office fixes the spreadsheet once instead of error by error.
import { graphemeCount } from '../text/graphemes.js';
import { cleanText, fold } from '../text/normalize.js';
import { hasVisibleText } from '../text/sanitize.js';
import { parseCsv, type CsvRecord } from './csv.js';
import type { Role } from './types.js';

export const ORG_COLUMNS = [
  'unit_code',
  'unit_name',
  'parent_unit_code',
  'official_code',
  'full_name',
  'title',
  'role',
  'superior_code',
  'phone',
  'is_admin',
] as const;
export type OrgColumn = (typeof ORG_COLUMNS)[number];

/** The columns a file must have; the others may be left out of the header. */
export const REQUIRED_COLUMNS: readonly OrgColumn[] = ['unit_code', 'unit_name', 'parent_unit_code', 'official_code', 'full_name', 'title', 'role'];

const OFFICIAL_COLUMNS: readonly OrgColumn[] = ['official_code', 'full_name', 'title', 'role', 'superior_code', 'phone', 'is_admin'];
const OFFICIAL_REQUIRED: readonly OrgColumn[] = ['official_code', 'full_name', 'title', 'role'];

export const MAX_CODE_LENGTH = 32;
export const MAX_TEXT_LENGTH = 200;

export type OrgImportErrorKind =
  | 'file-is-excel'
  | 'file-not-utf8'
  | 'file-empty'
  | 'csv-unterminated-quote'
  | 'csv-text-after-quote'
  | 'header-missing-column'
  | 'header-unknown-column'
  | 'header-duplicate-column'
  | 'too-many-fields'
  | 'missing-field'
  | 'field-too-long'
  | 'bad-code'
  | 'bad-role'
  | 'bad-phone'
  | 'bad-admin-flag'
  | 'unit-name-conflict'
  | 'unit-parent-conflict'
  | 'unit-undeclared'
  | 'unknown-parent'
  | 'unit-cycle'
  | 'two-heads'
  | 'duplicate-official'
  | 'unknown-superior'
  | 'superior-cycle';

export interface OrgImportError {
  /** 1-based line in the file, as the spreadsheet shows it. */
  line: number;
  kind: OrgImportErrorKind;
  /** Details for the message `org-import-<kind>`; all text, so that numbers are not grouped ("1.024"). */
  args: Record<string, string>;
}

export interface PlannedUnit {
  code: string;
  name: string;
  parentCode: string | null;
  /** The line that named the unit. */
  line: number;
}

export interface PlannedOfficial {
  code: string;
  fullName: string;
  title: string;
  role: Role;
  unitCode: string;
  superiorCode: string | null;
  /** Digits only, with the leading 0: "0912345678". */
  phone: string | null;
  isAdmin: boolean;
  line: number;
}

/** A valid file: units with parents before children, officials in file order. */
export interface OrgPlan {
  units: PlannedUnit[];
  officials: PlannedOfficial[];
}

export type OrgValidation = { ok: true; plan: OrgPlan } | { ok: false; errors: OrgImportError[] };

// ─── Field rules ────────────────────────────────────────────────────────────

const CODE = /^[A-Z0-9][A-Z0-9._-]*$/;

/** Codes compare without regard to case: "pnv-02" in a file or on the command line is PNV-02. */
export function normaliseCode(raw: string): string {
  return cleanText(raw).toUpperCase();
}

export function isValidCode(code: string): boolean {
  return CODE.test(code) && code.length <= MAX_CODE_LENGTH;
}

const ROLE_WORDS: Record<string, Role> = {
  head: 'HEAD',
  deputy: 'DEPUTY',
  member: 'MEMBER',
  truong: 'HEAD',
  pho: 'DEPUTY',
  'thanh vien': 'MEMBER',
};

/** HEAD | DEPUTY | MEMBER or trưởng | phó | thành viên, in any case, with or without diacritics. */
export function parseRole(raw: string): Role | null {
  return ROLE_WORDS[fold(raw)] ?? null;
}

/**
 * A Vietnamese phone number as digits with the leading 0, or null. Accepts spaces, dots, dashes and brackets,
 * +84 / 84 in front, and a mobile number whose leading 0 a spreadsheet dropped (912345678).
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()]/g, '');
  let digits: string;
  if (/^\+84\d+$/.test(compact)) digits = `0${compact.slice(3)}`;
  else if (/^84\d{9,10}$/.test(compact)) digits = `0${compact.slice(2)}`;
  else if (/^0\d+$/.test(compact)) digits = compact;
  else if (/^[1-9]\d{8,9}$/.test(compact)) digits = `0${compact}`;
  else return null;
  // Mobile numbers have 10 digits (03, 05, 07, 08, 09); fixed lines 11 (02…).
  return /^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits) ? digits : null;
}

const ADMIN_WORDS: Record<string, boolean> = {
  '': false,
  '0': false,
  false: false,
  no: false,
  n: false,
  khong: false,
  '1': true,
  x: true,
  true: true,
  yes: true,
  y: true,
  co: true,
  admin: true,
};

export function parseAdminFlag(raw: string): boolean | null {
  return ADMIN_WORDS[fold(raw)] ?? null;
}

/**
 * An Excel workbook rather than CSV: .xlsx is a zip file (PK\x03\x04), the old .xls a compound document
 * (D0 CF 11 E0 A1 B1 1A E1). Either is told to be saved as "CSV UTF-8".
 */
export function isExcelWorkbook(bytes: Uint8Array): boolean {
  const starts = (magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
  return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

// ─── Header ─────────────────────────────────────────────────────────────────

type ColumnIndex = Partial<Record<OrgColumn, number>>;

function readHeader(record: CsvRecord, errors: OrgImportError[]): ColumnIndex {
  const index: ColumnIndex = {};
  record.fields.forEach((raw, i) => {
    const name = fold(raw).replace(/[\s-]+/g, '_');
    if (name === '') return;
    if (!(ORG_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line: record.line, kind: 'header-unknown-column', args: { column: cleanText(raw) } });
      return;
    }
    const column = name as OrgColumn;
    if (index[column] !== undefined) {
      errors.push({ line: record.line, kind: 'header-duplicate-column', args: { column } });
      return;
    }
    index[column] = i;
  });
  for (const column of REQUIRED_COLUMNS) {
    if (index[column] === undefined) errors.push({ line: record.line, kind: 'header-missing-column', args: { column } });
  }
  return index;
}

// ─── Rows ───────────────────────────────────────────────────────────────────

interface UnitReference {
  code: string;
  /** Empty when the row only refers to a unit named on another row. */
  name: string;
  parentCode: string | null;
  line: number;
}

interface Rows {
  units: UnitReference[];
  officials: PlannedOfficial[];
}

function readRows(records: CsvRecord[], index: ColumnIndex, headerWidth: number, errors: OrgImportError[]): Rows {
  const out: Rows = { units: [], officials: [] };
  for (const record of records) {
    const cell = (column: OrgColumn): string => {
      const i = index[column];
      // The one sanitiser; a cell that shows nothing after it (only invisible characters or marks) is empty.
      const value = i === undefined ? '' : cleanText(record.fields[i] ?? '');
      return hasVisibleText(value) ? value : '';
    };
    if (record.fields.every((f) => cleanText(f) === '')) continue; // ",,,,," left by spreadsheets
    const line = record.line;
    const err = (kind: OrgImportErrorKind, args: Record<string, string> = {}) => errors.push({ line, kind, args });

    const extra = record.fields.slice(headerWidth).filter((f) => cleanText(f) !== '');
    if (extra.length > 0) err('too-many-fields', { count: String(record.fields.length), expected: String(headerWidth) });

    const code = (column: OrgColumn): string => {
      const value = normaliseCode(cell(column));
      if (value !== '' && !isValidCode(value)) err('bad-code', { column, value: cell(column), max: String(MAX_CODE_LENGTH) });
      return value;
    };
    const text = (column: OrgColumn): string => {
      const value = cell(column);
      if (graphemeCount(value) > MAX_TEXT_LENGTH) err('field-too-long', { column, max: String(MAX_TEXT_LENGTH) });
      return value;
    };

    const unitCode = code('unit_code');
    const unitName = text('unit_name');
    const parentCode = code('parent_unit_code');
    if (unitCode === '') err('missing-field', { column: 'unit_code' });

    const hasOfficial = OFFICIAL_COLUMNS.some((c) => cell(c) !== '');
    // A row that only declares a unit has nothing to say without the unit's name.
    if (!hasOfficial && unitName === '') err('missing-field', { column: 'unit_name' });
    let official: PlannedOfficial | null = null;
    if (hasOfficial) {
      for (const column of OFFICIAL_REQUIRED) if (cell(column) === '') err('missing-field', { column });
      const officialCode = code('official_code');
      const superiorCode = code('superior_code');
      const fullName = text('full_name');
      const title = text('title');
      const roleText = cell('role');
      const role = parseRole(roleText);
      if (roleText !== '' && role === null) err('bad-role', { value: roleText });
      const phoneText = cell('phone');
      const phone = phoneText === '' ? null : normalisePhone(phoneText);
      if (phoneText !== '' && phone === null) err('bad-phone', { value: phoneText });
      const adminText = cell('is_admin');
      const isAdmin = parseAdminFlag(adminText);
      if (isAdmin === null) err('bad-admin-flag', { value: adminText });
      if (role !== null && isAdmin !== null) {
        official = {
          code: officialCode,
          fullName,
          title,
          role,
          unitCode,
          superiorCode: superiorCode === '' ? null : superiorCode,
          phone,
          isAdmin,
          line,
        };
      }
    }
    // A row with errors still declares its unit, so that later rows are not reported as dangling because of it.
    if (unitCode !== '' && isValidCode(unitCode)) {
      out.units.push({ code: unitCode, name: unitName, parentCode: parentCode === '' ? null : parentCode, line });
    }
    if (official) out.officials.push(official);
  }
  return out;
}

// ─── Units ──────────────────────────────────────────────────────────────────

function collectUnits(refs: UnitReference[], errors: OrgImportError[]): Map<string, PlannedUnit> {
  const units = new Map<string, PlannedUnit>();
  // Rows that name the unit declare it; the first one wins and later ones must agree.
  for (const ref of refs) {
    if (ref.name === '') continue;
    const first = units.get(ref.code);
    if (!first) {
      units.set(ref.code, { code: ref.code, name: ref.name, parentCode: ref.parentCode, line: ref.line });
      continue;
    }
    if (first.name.toLowerCase() !== ref.name.toLowerCase()) {
      errors.push({
        line: ref.line,
        kind: 'unit-name-conflict',
        args: { unit: ref.code, name: ref.name, firstName: first.name, firstLine: String(first.line) },
      });
    }
    if (first.parentCode !== ref.parentCode) {
      errors.push({
        line: ref.line,
        kind: 'unit-parent-conflict',
        args: { unit: ref.code, parent: ref.parentCode ?? '—', firstParent: first.parentCode ?? '—', firstLine: String(first.line) },
      });
    }
  }
  const reported = new Set<string>();
  for (const ref of refs) {
    if (ref.name !== '') continue;
    const declared = units.get(ref.code);
    if (!declared) {
      if (!reported.has(ref.code)) errors.push({ line: ref.line, kind: 'unit-undeclared', args: { unit: ref.code } });
      reported.add(ref.code);
    } else if (ref.parentCode !== null && ref.parentCode !== declared.parentCode) {
      errors.push({
        line: ref.line,
        kind: 'unit-parent-conflict',
        args: { unit: ref.code, parent: ref.parentCode, firstParent: declared.parentCode ?? '—', firstLine: String(declared.line) },
      });
    }
  }
  for (const unit of units.values()) {
    if (unit.parentCode !== null && !units.has(unit.parentCode)) {
      errors.push({ line: unit.line, kind: 'unknown-parent', args: { unit: unit.code, parent: unit.parentCode } });
    }
  }
  return units;
}

/** Each loop in the parent links once, at the line of its first unit in the file. */
function findUnitCycles(units: Map<string, PlannedUnit>, errors: OrgImportError[]): boolean {
  const done = new Set<string>();
  let found = false;
  for (const start of units.values()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let code: string | null = start.code;
    while (code !== null && !done.has(code) && !onPath.has(code)) {
      path.push(code);
      onPath.add(code);
      code = units.get(code)?.parentCode ?? null;
    }
    if (code !== null && onPath.has(code)) {
      const loop = path.slice(path.indexOf(code));
      const first = loop.map((c) => units.get(c)!).sort((a, b) => a.line - b.line)[0]!;
      const from = loop.indexOf(first.code);
      const ordered = [...loop.slice(from), ...loop.slice(0, from), first.code];
      errors.push({ line: first.line, kind: 'unit-cycle', args: { cycle: ordered.join(' → ') } });
      found = true;
    }
    for (const c of path) done.add(c);
  }
  return found;
}

/** Parents before children, siblings in file order. */
function topological(units: Map<string, PlannedUnit>): PlannedUnit[] {
  const children = new Map<string | null, PlannedUnit[]>();
  for (const u of [...units.values()].sort((a, b) => a.line - b.line)) {
    const list = children.get(u.parentCode) ?? [];
    list.push(u);
    children.set(u.parentCode, list);
  }
  const out: PlannedUnit[] = [];
  const queue = [...(children.get(null) ?? [])];
  while (queue.length > 0) {
    const u = queue.shift()!;
    out.push(u);
    queue.push(...(children.get(u.code) ?? []));
  }
  return out;
}

// ─── Officials ──────────────────────────────────────────────────────────────

function checkOfficials(officials: PlannedOfficial[], errors: OrgImportError[]): Map<string, PlannedOfficial> {
  const byCode = new Map<string, PlannedOfficial>();
  const heads = new Map<string, PlannedOfficial>();
  for (const o of officials) {
    if (o.code === '') continue;
    const first = byCode.get(o.code);
    if (first) {
      errors.push({ line: o.line, kind: 'duplicate-official', args: { official: o.code, firstLine: String(first.line) } });
      continue;
    }
    byCode.set(o.code, o);
    if (o.role === 'HEAD' && o.unitCode !== '') {
      const head = heads.get(o.unitCode);
      if (head) {
        errors.push({ line: o.line, kind: 'two-heads', args: { unit: o.unitCode, official: o.code, otherOfficial: head.code, otherLine: String(head.line) } });
      } else heads.set(o.unitCode, o);
    }
  }
  for (const o of byCode.values()) {
    if (o.superiorCode !== null && !byCode.has(o.superiorCode)) {
      errors.push({ line: o.line, kind: 'unknown-superior', args: { official: o.code, superior: o.superiorCode } });
    }
  }
  return byCode;
}

/**
 * Superiors as OrgDirectory will resolve them (explicit, else the nearest head up the tree): a loop through an
 * explicit superior would send an escalation round in circles. Reported once per loop.
 */
function findSuperiorCycles(officials: Map<string, PlannedOfficial>, units: Map<string, PlannedUnit>, errors: OrgImportError[]): void {
  const heads = new Map<string, PlannedOfficial>();
  for (const o of officials.values()) if (o.role === 'HEAD' && !heads.has(o.unitCode)) heads.set(o.unitCode, o);
  const superiorOf = (o: PlannedOfficial): PlannedOfficial | undefined => {
    if (o.superiorCode !== null) return officials.get(o.superiorCode);
    let unit = units.get(o.unitCode);
    while (unit) {
      const head = heads.get(unit.code);
      if (head && head.code !== o.code) return head;
      unit = unit.parentCode === null ? undefined : units.get(unit.parentCode);
    }
    return undefined;
  };
  const done = new Set<string>();
  for (const start of officials.values()) {
    const path: PlannedOfficial[] = [];
    const onPath = new Set<string>();
    let current: PlannedOfficial | undefined = start;
    while (current && !done.has(current.code) && !onPath.has(current.code)) {
      path.push(current);
      onPath.add(current.code);
      current = superiorOf(current);
    }
    if (current && onPath.has(current.code)) {
      const loop = path.slice(path.findIndex((o) => o.code === current!.code));
      // Point at the first row whose explicit superior closes the loop: that is the cell to fix.
      const culprit = loop.filter((o) => o.superiorCode !== null).sort((a, b) => a.line - b.line)[0] ?? loop[0]!;
      const from = loop.indexOf(culprit);
      const ordered = [...loop.slice(from), ...loop.slice(0, from), culprit].map((o) => o.code);
      errors.push({ line: culprit.line, kind: 'superior-cycle', args: { official: culprit.code, cycle: ordered.join(' → ') } });
    }
    for (const o of path) done.add(o.code);
  }
}

// ─── The whole file ─────────────────────────────────────────────────────────

/** Checks the CSV text; on success, what the organisation should look like after the import. Pure. */
export function validateOrgCsv(text: string): OrgValidation {
  const errors: OrgImportError[] = [];
  const parsed = parseCsv(text);
  for (const e of parsed.errors)
    errors.push({ line: e.line, kind: e.kind === 'unterminated-quote' ? 'csv-unterminated-quote' : 'csv-text-after-quote', args: {} });

  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, errors: [{ line: 1, kind: 'file-empty', args: {} }] };
  const index = readHeader(header, errors);
  if (REQUIRED_COLUMNS.some((c) => index[c] === undefined)) return { ok: false, errors: sortErrors(errors) };

  const rows = readRows(records, index, header.fields.length, errors);
  if (rows.units.length === 0 && rows.officials.length === 0 && errors.length === 0) {
    return { ok: false, errors: [{ line: header.line, kind: 'file-empty', args: {} }] };
  }
  const units = collectUnits(rows.units, errors);
  const unitLoops = findUnitCycles(units, errors);
  const officials = checkOfficials(rows.officials, errors);
  const treeIsSound = !unitLoops && !errors.some((e) => e.kind === 'unknown-parent' || e.kind === 'unknown-superior' || e.kind === 'unit-undeclared');
  if (treeIsSound) findSuperiorCycles(officials, units, errors);

  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, plan: { units: topological(units), officials: [...officials.values()] } };
}

function sortErrors(errors: OrgImportError[]): OrgImportError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.line - b.e.line || a.i - b.i)
    .map(({ e }) => e);
}
