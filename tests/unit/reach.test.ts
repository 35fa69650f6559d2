import { describe, expect, it } from 'vitest';
import { OrgDirectory } from '../../src/domain/org/directory.js';
import { demandParties, mayReach, reachOf, taskParties } from '../../src/domain/org/reach.js';
import { UBND_UNITS, officialMaker } from '../support/small-org.js';

const units = [...UBND_UNITS];
const official = officialMaker();
const chutich = official('UB-01', 1, 'HEAD');
const tpNoiVu = official('PNV-01', 2, 'HEAD');
const cvNoiVu = official('PNV-03', 2, 'MEMBER');
const cvNoiVu2 = official('PNV-04', 2, 'MEMBER');
const tpTaiChinh = official('TCKH-01', 3, 'HEAD');
const cvTaiChinh = official('TCKH-03', 3, 'MEMBER');
const admin = official('VP-IT', 1, 'MEMBER', { isAdmin: true });
const retiredHead = official('PNV-00', 2, 'HEAD', { active: false });
const org = new OrgDirectory(units, [chutich, tpNoiVu, cvNoiVu, cvNoiVu2, tpTaiChinh, cvTaiChinh, admin, retiredHead]);

// A task the head of Tài chính gave to a member of Nội vụ (across units).
const task = { assignerId: tpTaiChinh.id, assigneeId: cvNoiVu.id };

describe('reach: a party to the item, or above it', () => {
  it('the assignee and the assigner reach a task as parties', () => {
    expect(reachOf(org, cvNoiVu.id, taskParties(task))).toBe('party');
    expect(reachOf(org, tpTaiChinh.id, taskParties(task))).toBe('party');
  });

  it('the leader of the assignee’s unit, a leader above it and an admin reach it from above', () => {
    expect(reachOf(org, tpNoiVu.id, taskParties(task))).toBe('above');
    expect(reachOf(org, chutich.id, taskParties(task))).toBe('above');
    expect(reachOf(org, admin.id, taskParties(task))).toBe('above');
  });

  it('a colleague, someone above the assigner only, and a leader who left do not reach it', () => {
    expect(mayReach(org, cvNoiVu2.id, taskParties(task))).toBe(false);
    expect(mayReach(org, cvTaiChinh.id, taskParties(task))).toBe(false);
    expect(mayReach(org, retiredHead.id, taskParties(task))).toBe(false);
  });

  it('a demand for explanation is reached by the person asked, the requester, and those above the person asked', () => {
    const demand = { officialId: cvTaiChinh.id as number, requesterId: chutich.id as number };
    expect(reachOf(org, cvTaiChinh.id, demandParties(demand))).toBe('party');
    expect(reachOf(org, chutich.id, demandParties(demand))).toBe('party');
    expect(reachOf(org, tpTaiChinh.id, demandParties(demand))).toBe('above');
    expect(mayReach(org, tpNoiVu.id, demandParties(demand))).toBe(false);
  });
});
