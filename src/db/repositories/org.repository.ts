// Units and officials: the directory the rest of the app reads, and the write side of the organisation import.
import { OrgDirectory } from '../../domain/org/directory.js';
import type { OrgSnapshot } from '../../domain/org/import-plan.js';
import { normaliseCode, type OrgPlan } from '../../domain/org/org-import.js';
import type { ChannelName, Official, Role, Unit } from '../../domain/org/types.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import { asLocale, type Locale } from '../../domain/locale.js';
import { fold } from '../../domain/text/normalize.js';
import type { OfficialWithUnit, OrgImportChanges, OrgImportSummary, OrgStore } from '../../app/ports/stores/org.js';
import type { PrismaClient, Tx } from '../client.js';
import { prismaTx, readerOf } from '../store-tx.js';

export type { OfficialWithUnit, OrgImportChanges, OrgImportSummary };

type Db = PrismaClient | Tx;

interface OfficialRow {
  id: number;
  code: string;
  fullName: string;
  title: string;
  role: Role;
  unitId: number;
  superiorId: number | null;
  isAdmin: boolean;
  locale: string;
  active: boolean;
}

export function officialFromRow(row: OfficialRow): Official {
  return {
    id: OfficialId(row.id),
    code: row.code,
    fullName: row.fullName,
    title: row.title,
    role: row.role,
    unitId: UnitId(row.unitId),
    superiorId: row.superiorId === null ? null : OfficialId(row.superiorId),
    isAdmin: row.isAdmin,
    locale: asLocale(row.locale),
    active: row.active,
  };
}

const OFFICIAL_FIELDS = {
  id: true,
  code: true,
  fullName: true,
  title: true,
  role: true,
  unitId: true,
  superiorId: true,
  isAdmin: true,
  locale: true,
  active: true,
} as const;

/**
 * The whole organisation in two queries. Inactive units and officials are included so that old items still name
 * their people; the directory itself only lets active officials head, lead or be a superior.
 */
export async function loadOrgDirectory(db: Db): Promise<OrgDirectory> {
  const [units, officials] = await Promise.all([
    db.unit.findMany({ select: { id: true, code: true, name: true, parentId: true }, orderBy: { id: 'asc' } }),
    db.official.findMany({ select: OFFICIAL_FIELDS, orderBy: { id: 'asc' } }),
  ]);
  const domainUnits: Unit[] = units.map((u) => ({ id: UnitId(u.id), code: u.code, name: u.name, parentId: u.parentId === null ? null : UnitId(u.parentId) }));
  return new OrgDirectory(domainUnits, officials.map(officialFromRow));
}

const WITH_UNIT = { ...OFFICIAL_FIELDS, phone: true, unit: { select: { code: true, name: true } } } as const;

function withUnit(row: OfficialRow & { phone: string | null; unit: { code: string; name: string } }): OfficialWithUnit {
  return { ...officialFromRow(row), unitCode: row.unit.code, unitName: row.unit.name, phone: row.phone };
}

/** By code, any case ("pnv-02" is PNV-02); inactive officials too, so the caller can say why it refuses. */
export async function findOfficialByCode(db: Db, code: string): Promise<OfficialWithUnit | null> {
  const row = await db.official.findFirst({ where: { code: normaliseCode(code) }, select: WITH_UNIT });
  return row ? withUnit(row) : null;
}

export async function findOfficialById(db: Db, id: OfficialId): Promise<OfficialWithUnit | null> {
  const row = await db.official.findUnique({ where: { id }, select: WITH_UNIT });
  return row ? withUnit(row) : null;
}

// ─── Import ─────────────────────────────────────────────────────────────────

/** Two imports at once into one organisation would each deactivate what the other creates: they take turns. */
const ORG_IMPORT_LOCK = 7262003;

/** Takes the import's turn (until the transaction ends) before reading what the plan compares with. */
export async function lockOrgImport(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ORG_IMPORT_LOCK}::int, hashtext(coalesce(current_setting('dondoc.org', true), '')))`;
}

/** Every unit and official by code, inactive ones too, as an import compares them with a file. */
export async function loadOrgSnapshot(db: Db): Promise<OrgSnapshot> {
  const [units, officials] = await Promise.all([
    db.unit.findMany({ select: { code: true, name: true, active: true, parent: { select: { code: true } } }, orderBy: { id: 'asc' } }),
    db.official.findMany({
      select: {
        code: true,
        fullName: true,
        title: true,
        role: true,
        phone: true,
        isAdmin: true,
        active: true,
        unit: { select: { code: true } },
        superior: { select: { code: true } },
      },
      orderBy: { id: 'asc' },
    }),
  ]);
  return {
    units: units.map((u) => ({ code: u.code, name: u.name, parentCode: u.parent?.code ?? null, active: u.active })),
    officials: officials.map((o) => ({
      code: o.code,
      fullName: o.fullName,
      title: o.title,
      role: o.role,
      unitCode: o.unit.code,
      superiorCode: o.superior?.code ?? null,
      phone: o.phone,
      isAdmin: o.isAdmin,
      active: o.active,
    })),
  };
}

/**
 * Makes the database match a validated file, inside the caller's transaction. Units and officials are matched by
 * code and updated in place; those missing from the file are deactivated, never deleted, so their tasks, reminders
 * and audit entries keep pointing at them. A row is written only when something in it changes.
 */
export async function applyOrgPlan(tx: Tx, plan: OrgPlan, now: Date): Promise<OrgImportChanges> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ORG_IMPORT_LOCK}::int, hashtext(coalesce(current_setting('dondoc.org', true), '')))`;
  const codes: OrgImportChanges['codes'] = {
    unitsCreated: [],
    unitsUpdated: [],
    unitsDeactivated: [],
    officialsCreated: [],
    officialsUpdated: [],
    officialsDeactivated: [],
  };

  // Units, parents first, so each one's path can be built from its parent's.
  const existingUnits = new Map((await tx.unit.findMany()).map((u) => [u.code, u]));
  const unitIds = new Map<string, { id: number; path: string; depth: number }>();
  for (const planned of plan.units) {
    const parent = planned.parentCode === null ? null : unitIds.get(planned.parentCode)!;
    const parentId = parent?.id ?? null;
    const depth = parent ? parent.depth + 1 : 0;
    let row = existingUnits.get(planned.code);
    const isNew = !row;
    if (!row) {
      row = await tx.unit.create({ data: { code: planned.code, name: planned.name, parentId, depth } });
      codes.unitsCreated.push(planned.code);
    }
    // The path holds the unit's own id, known only once the row exists.
    const path = `${parent?.path ?? '/'}${row.id}/`;
    const wanted = { name: planned.name, parentId, path, depth, active: true };
    const differs = row.name !== wanted.name || row.parentId !== parentId || row.path !== path || row.depth !== depth || !row.active;
    if (differs) {
      await tx.unit.update({ where: { id: row.id }, data: wanted });
      if (!isNew) codes.unitsUpdated.push(planned.code);
    }
    unitIds.set(planned.code, { id: row.id, path, depth });
  }
  const goneUnits = [...existingUnits.values()].filter((u) => u.active && !unitIds.has(u.code));
  if (goneUnits.length > 0) {
    await tx.unit.updateMany({ where: { id: { in: goneUnits.map((u) => u.id) } }, data: { active: false } });
    codes.unitsDeactivated.push(...goneUnits.map((u) => u.code));
  }

  // Officials: create the new ones in one statement, then set fields and superiors where they differ.
  const existingOfficials = new Map((await tx.official.findMany()).map((o) => [o.code, o]));
  const fresh = plan.officials.filter((o) => !existingOfficials.has(o.code));
  if (fresh.length > 0) {
    const created = await tx.official.createManyAndReturn({
      data: fresh.map((o) => ({
        code: o.code,
        fullName: o.fullName,
        nameFolded: fold(o.fullName),
        title: o.title,
        role: o.role,
        unitId: unitIds.get(o.unitCode)!.id,
        phone: o.phone,
        isAdmin: o.isAdmin,
      })),
    });
    for (const row of created) existingOfficials.set(row.code, row);
    codes.officialsCreated.push(...fresh.map((o) => o.code));
  }
  const createdNow = new Set(codes.officialsCreated);
  const officialIds = new Map(plan.officials.map((o) => [o.code, existingOfficials.get(o.code)!.id]));
  for (const planned of plan.officials) {
    const row = existingOfficials.get(planned.code)!;
    const wanted = {
      fullName: planned.fullName,
      nameFolded: fold(planned.fullName),
      title: planned.title,
      role: planned.role,
      unitId: unitIds.get(planned.unitCode)!.id,
      superiorId: planned.superiorCode === null ? null : officialIds.get(planned.superiorCode)!,
      phone: planned.phone,
      isAdmin: planned.isAdmin,
      active: true,
    };
    const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).some((k) => row[k] !== wanted[k]);
    if (!differs) continue;
    await tx.official.update({ where: { id: row.id }, data: wanted });
    if (!createdNow.has(planned.code)) codes.officialsUpdated.push(planned.code);
  }
  const goneOfficials = [...existingOfficials.values()].filter((o) => o.active && !officialIds.has(o.code));
  if (goneOfficials.length > 0) {
    const ids = goneOfficials.map((o) => o.id);
    await tx.official.updateMany({ where: { id: { in: ids } }, data: { active: false } });
    // Someone who left must not link a chat account afterwards with a code issued before.
    await tx.inviteCode.updateMany({ where: { officialId: { in: ids }, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    codes.officialsDeactivated.push(...goneOfficials.map((o) => o.code));
  }

  return {
    summary: {
      unitsCreated: codes.unitsCreated.length,
      unitsUpdated: codes.unitsUpdated.length,
      unitsDeactivated: codes.unitsDeactivated.length,
      officialsCreated: codes.officialsCreated.length,
      officialsUpdated: codes.officialsUpdated.length,
      officialsDeactivated: codes.officialsDeactivated.length,
    },
    codes,
  };
}

/** The language of everything the bot sends this person. */
export async function setOfficialLocale(db: Db, officialId: number, locale: Locale): Promise<void> {
  await db.official.update({ where: { id: officialId }, data: { locale } });
}

/** Where this person's notifications go first (null: the first channel linked). */
export async function preferredChannelOf(db: Db, officialId: number): Promise<ChannelName | null> {
  return (await db.official.findUniqueOrThrow({ where: { id: officialId }, select: { preferredChannel: true } })).preferredChannel;
}

export async function setPreferredChannel(db: Db, officialId: number, channel: ChannelName): Promise<void> {
  await db.official.update({ where: { id: officialId }, data: { preferredChannel: channel } });
}

/** The application's OrgStore over this client. */
export function orgStore(db: PrismaClient): OrgStore {
  return {
    officialByCode: async (code) => (await findOfficialByCode(db, code)) ?? undefined,
    officialById: async (id, tx) => (await findOfficialById(readerOf(db, tx), id)) ?? undefined,
    setLocale: (officialId, locale) => setOfficialLocale(db, officialId, locale),
    preferredChannel: (officialId) => preferredChannelOf(db, officialId),
    setPreferredChannel: (officialId, channel) => setPreferredChannel(db, officialId, channel),
    lockImport: (tx) => lockOrgImport(prismaTx(tx)),
    snapshot: (tx) => loadOrgSnapshot(prismaTx(tx)),
    applyPlan: (tx, plan, now) => applyOrgPlan(prismaTx(tx), plan, now),
  };
}
