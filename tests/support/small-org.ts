// The small organisations the domain's unit tests build an OrgDirectory from (reach, notices, the directory itself),
// written once: the units, and a maker of officials with ids counted from 1 per maker.
import { OfficialId, UnitId } from '../../src/domain/ids.js';
import type { Official, Role, Unit } from '../../src/domain/org/types.js';

/** UBND (1) → Phòng Nội vụ (2), Phòng Tài chính (3). */
export const UBND_UNITS: readonly Unit[] = [
  { id: UnitId(1), code: 'UBND', name: 'UBND huyện', parentId: null },
  { id: UnitId(2), code: 'PNV', name: 'Phòng Nội vụ', parentId: UnitId(1) },
  { id: UnitId(3), code: 'TCKH', name: 'Phòng TC-KH', parentId: UnitId(1) },
];

/** Huyện (1) → UBND (2) → Phòng Nội vụ (3), Phòng Tài chính (4); xã (5) under UBND. */
export const HUYEN_UNITS: readonly Unit[] = [
  { id: UnitId(1), code: 'HU', name: 'Huyện ủy', parentId: null },
  { id: UnitId(2), code: 'UBND', name: 'UBND huyện', parentId: UnitId(1) },
  { id: UnitId(3), code: 'PNV', name: 'Phòng Nội vụ', parentId: UnitId(2) },
  { id: UnitId(4), code: 'TCKH', name: 'Phòng TC-KH', parentId: UnitId(2) },
  { id: UnitId(5), code: 'XA', name: 'UBND xã', parentId: UnitId(2) },
];

/** `official(code, unit, role, extra)`: an active, Vietnamese-speaking official named by its code; ids 1, 2, 3, … in call order. */
export function officialMaker(): (code: string, unit: number, role: Role, extra?: Partial<Official>) => Official {
  let nextId = 1;
  return (code, unit, role, extra = {}) => ({
    id: OfficialId(nextId++),
    code,
    fullName: code,
    title: code,
    role,
    unitId: UnitId(unit),
    superiorId: null,
    isAdmin: false,
    locale: 'vi',
    active: true,
    ...extra,
  });
}
