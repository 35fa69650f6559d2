import { describe, expect, it } from 'vitest';
import { OrgDirectory } from '../../src/domain/org/directory.js';
import { HUYEN_UNITS, officialMaker } from '../support/small-org.js';

const units = [...HUYEN_UNITS];
const official = officialMaker();
const bithu = official('HU-01', 1, 'HEAD');
const chutich = official('UB-01', 2, 'HEAD');
const phoct = official('UB-02', 2, 'DEPUTY', { superiorId: chutich.id });
const tpNoiVu = official('PNV-01', 3, 'HEAD');
const cvNoiVu = official('PNV-03', 3, 'MEMBER');
const tpTaiChinh = official('TCKH-01', 4, 'HEAD', { superiorId: phoct.id });
const cvTaiChinh = official('TCKH-03', 4, 'MEMBER');
const cvXa = official('XA-03', 5, 'MEMBER'); // a unit without a head
const admin = official('VP-IT', 2, 'MEMBER', { isAdmin: true });
const retired = official('PNV-09', 3, 'MEMBER', { active: false });
const org = new OrgDirectory(units, [bithu, chutich, phoct, tpNoiVu, cvNoiVu, tpTaiChinh, cvTaiChinh, cvXa, admin, retired]);

describe('who is whose superior (PRODUCT.md §2)', () => {
  it('is the head of the unit, else an explicit superior, else up the tree', () => {
    expect(org.superiorOf(cvNoiVu.id)?.code).toBe('PNV-01');
    expect(org.superiorOf(tpNoiVu.id)?.code).toBe('UB-01'); // head of the parent unit
    expect(org.superiorOf(tpTaiChinh.id)?.code).toBe('UB-02'); // explicit
    expect(org.superiorOf(cvXa.id)?.code).toBe('UB-01'); // the xã has no head: the parent's
    expect(org.superiorOf(chutich.id)?.code).toBe('HU-01');
    expect(org.superiorOf(bithu.id)).toBeUndefined();
  });

  it('climbs the chain without looping', () => {
    expect(org.superiorChain(cvTaiChinh.id).map((o) => o.code)).toEqual(['TCKH-01', 'UB-02', 'UB-01', 'HU-01']);
  });
});

describe('an official by code (the API and the CLI name officials by code)', () => {
  it('finds an active official whatever the case and spaces, never an inactive one or an unknown code', () => {
    expect(org.activeByCode('TCKH-03')).toBe(cvTaiChinh);
    expect(org.activeByCode('  tckh-03 ')).toBe(cvTaiChinh);
    expect(org.activeByCode('PNV-09')).toBeUndefined(); // retired
    expect(org.activeByCode('KHONG-CO')).toBeUndefined();
  });
});

describe('who may assign to whom (PRODUCT.md §3)', () => {
  it('a head or deputy to anyone in their unit subtree', () => {
    expect(org.canAssign(chutich.id, cvTaiChinh.id)).toBe(true);
    expect(org.canAssign(phoct.id, cvXa.id)).toBe(true);
    expect(org.canAssign(tpNoiVu.id, cvNoiVu.id)).toBe(true);
    expect(org.canAssign(tpNoiVu.id, cvTaiChinh.id)).toBe(false); // another phòng
  });
  it('anyone to someone they are the superior of; admins to anyone; nobody to themselves or to the inactive', () => {
    expect(org.canAssign(bithu.id, cvXa.id)).toBe(true);
    expect(org.canAssign(cvNoiVu.id, tpNoiVu.id)).toBe(false);
    expect(org.canAssign(admin.id, bithu.id)).toBe(true);
    expect(org.canAssign(tpNoiVu.id, tpNoiVu.id)).toBe(false);
    expect(org.canAssign(tpNoiVu.id, retired.id)).toBe(false);
  });
  it('oversight: oneself, subtree leaders, superiors, admins', () => {
    expect(org.oversees(cvNoiVu.id, cvNoiVu.id)).toBe(true);
    expect(org.oversees(tpNoiVu.id, cvNoiVu.id)).toBe(true);
    expect(org.oversees(phoct.id, cvNoiVu.id)).toBe(true); // deputy of the parent unit
    expect(org.oversees(cvTaiChinh.id, cvNoiVu.id)).toBe(false);
    expect(org.oversees(tpTaiChinh.id, cvNoiVu.id)).toBe(false);
  });
  it('lists the people one may assign to', () => {
    expect(org.assignableBy(tpNoiVu.id).map((o) => o.code)).toEqual(['PNV-03']);
    expect(org.assignableBy(cvNoiVu.id)).toEqual([]);
  });
});
