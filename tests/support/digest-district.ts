// The sample district with tasks, consultations, reminders and signals in every state, as of Tuesday 08/12/2026
// 07:30 in Hà Nội (the digest time), for the digest tests.
import type { Harness } from './app-harness.js';
import { ItemSeeder, hn } from './seed-items.js';

/** Tuesday 08/12/2026 07:30 in Hà Nội. */
export const DIGEST_MORNING = hn('2026-12-08T07:30');

export const TELEGRAM_IDS = {
  'TCKH-01': 3001,
  'UB-01': 3002,
  'HU-01': 3003,
  'BTC-01': 3004,
  'TCKH-02': 3005,
  'TCKH-03': 3006,
  'XPM-01': 3101,
  'XPM-02': 3102,
  'XPM-03': 3103,
  'PNV-03': 3201,
} as const;

export async function seedDigestDistrict(h: Harness): Promise<ItemSeeder> {
  await h.importSample();
  for (const [code, id] of Object.entries(TELEGRAM_IDS)) await h.link(code, id);
  const s = new ItemSeeder(h.db.db);

  // Phòng Tài chính – Kế hoạch (head TCKH-01): every colour.
  await s.task({
    assignee: 'TCKH-04',
    assigner: 'TCKH-01',
    title: 'Lập dự toán chi thường xuyên quý I/2027',
    status: 'ASSIGNED',
    createdAt: '2026-12-07T09:00',
    deadline: '2026-12-15T17:00',
  }); // 1 grey
  const t2 = await s.task({
    assignee: 'TCKH-03',
    assigner: 'TCKH-01',
    title: 'Tổng hợp số liệu thu ngân sách tháng 11',
    status: 'ACCEPTED',
    createdAt: '2026-12-01T09:00',
    acceptedAt: '2026-12-01T10:00',
    deadline: '2026-12-09T17:00',
  }); // 2 blue, due soon
  await s.task({
    assignee: 'TCKH-04',
    assigner: 'TCKH-01',
    title: 'Rà soát định mức chi hành chính',
    status: 'IN_PROGRESS',
    createdAt: '2026-12-01T09:00',
    acceptedAt: '2026-12-01T09:30',
    deadline: '2026-12-31T17:00',
  }); // 3 blue
  await s.task({
    assignee: 'TCKH-03',
    assigner: 'TCKH-01',
    title: 'Báo cáo giải ngân vốn đầu tư công',
    status: 'IN_PROGRESS',
    createdAt: '2026-12-02T09:00',
    acceptedAt: '2026-12-02T10:00',
    deadline: '2026-12-07T11:30',
  }); // 4 red, 3 working hours
  await s.task({
    assignee: 'TCKH-03',
    assigner: 'TCKH-01',
    title: 'Thẩm định dự toán sửa chữa trụ sở xã Tân Lập',
    status: 'ASSIGNED',
    createdAt: '2026-11-30T09:00',
    deadline: '2026-12-02T17:00',
  }); // 5 red, 3 days, not accepted
  await s.task({
    assignee: 'TCKH-04',
    assigner: 'TCKH-01',
    title: 'Quyết toán kinh phí chương trình nông thôn mới',
    status: 'ACCEPTED',
    createdAt: '2026-11-10T09:00',
    acceptedAt: '2026-11-10T10:00',
    deadline: '2026-11-20T17:00',
  }); // 6 red, 11 days
  await s.task({
    assignee: 'TCKH-03',
    assigner: 'TCKH-01',
    title: 'Báo cáo tình hình thực hiện dự toán 10 tháng',
    status: 'DONE',
    createdAt: '2026-11-02T09:00',
    acceptedAt: '2026-11-02T10:00',
    completedAt: '2026-11-20T10:00',
    deadline: '2026-11-25T17:00',
  }); // 7 done
  await s.task({
    assignee: 'TCKH-04',
    assigner: 'TCKH-01',
    title: 'Kiểm kê tài sản công năm 2026',
    status: 'CANCELLED',
    createdAt: '2026-11-02T09:00',
    cancelledAt: '2026-11-03T09:00',
    deadline: '2026-11-30T17:00',
  }); // 8 cancelled
  await s.task({
    assignee: 'TCKH-02',
    assigner: 'TCKH-01',
    title: 'Báo cáo công khai ngân sách 6 tháng',
    status: 'CLOSED',
    createdAt: '2026-10-02T09:00',
    acceptedAt: '2026-10-02T10:00',
    completedAt: '2026-10-20T10:00',
    deadline: '2026-10-25T17:00',
  }); // 9 closed
  await s.task({
    assignee: 'TCKH-02',
    assigner: 'TCKH-01',
    title: 'Kiểm tra công tác kế toán tại thị trấn Đông Sơn',
    status: 'DECLINED',
    createdAt: '2026-12-07T09:00',
    declinedAt: '2026-12-07T10:00',
    deadline: '2026-12-18T17:00',
  }); // 10 grey (declined, waiting)
  // Elsewhere: Phòng Nội vụ (under UBND) and Ban Tổ chức (under Huyện ủy).
  await s.task({
    assignee: 'PNV-03',
    assigner: 'PNV-01',
    title: 'Rà soát vị trí việc làm khối xã',
    status: 'IN_PROGRESS',
    createdAt: '2026-11-20T09:00',
    acceptedAt: '2026-11-20T10:00',
    deadline: '2026-12-01T17:00',
  }); // 11 red, 4 days
  await s.task({
    assignee: 'BTC-03',
    assigner: 'BTC-01',
    title: 'Tổng hợp hồ sơ đảng viên dự bị',
    status: 'ASSIGNED',
    createdAt: '2026-12-01T09:00',
    deadline: '2026-12-04T17:00',
  }); // 12 red, 1 day

  // Requests for opinion: one answer owed past the deadline in TCKH; the other respondent answered.
  await s.consultation({
    asker: 'UB-01',
    subject: 'Phương án phân bổ vốn sự nghiệp năm 2027',
    createdAt: '2026-12-01T09:00',
    deadline: '2026-12-04T17:00',
    respondents: [{ official: 'TCKH-03' }, { official: 'PNV-03', stance: 'AGREE', answeredAt: '2026-12-03T10:00' }],
  });
  await s.consultation({
    asker: 'UB-01',
    subject: 'Dự thảo quy chế chi tiêu nội bộ',
    createdAt: '2026-12-07T09:00',
    deadline: '2026-12-10T17:00',
    respondents: [{ official: 'TCKH-04' }],
  });
  await s.consultation({
    asker: 'UB-02',
    subject: 'Kế hoạch kiểm tra quỹ',
    createdAt: '2026-11-20T09:00',
    deadline: '2026-11-24T17:00',
    status: 'CLOSED',
    closedAt: '2026-11-26T09:00',
    respondents: [{ official: 'TCKH-03' }],
  });

  // Reminders and escalations: Monday 07/12 counts, Friday 04/12 does not.
  await s.reminder({ official: 'TCKH-03', recipient: 'TCKH-03', kind: 'REMINDER', at: '2026-12-07T09:00', itemId: t2.id });
  await s.reminder({ official: 'TCKH-03', recipient: 'TCKH-03', kind: 'REMINDER', at: '2026-12-07T14:00', itemId: t2.id, level: 1 });
  await s.reminder({ official: 'TCKH-03', recipient: 'TCKH-01', kind: 'ESCALATION', at: '2026-12-07T15:00', itemId: t2.id, level: 2 });
  await s.reminder({ official: 'TCKH-03', recipient: 'TCKH-03', kind: 'REMINDER', at: '2026-12-04T09:00', itemId: t2.id });
  await s.reminder({ official: 'PNV-03', recipient: 'PNV-03', kind: 'REMINDER', at: '2026-12-07T10:00', itemId: t2.id });

  // Signals waiting for review: TCKH-03's goes to their head TCKH-01; TCKH-01's to UB-02 (explicit superior).
  await s.signal({ official: 'TCKH-03', behaviour: 6, status: 'PENDING', raisedAt: '2026-12-07T16:00' });
  await s.signal({ official: 'TCKH-01', behaviour: 5, status: 'PENDING', raisedAt: '2026-12-07T16:00' });
  await s.signal({ official: 'TCKH-04', behaviour: 1, status: 'CONFIRMED', raisedAt: '2026-12-01T16:00' });

  // TCKH-03 blocked the bot on Saturday.
  await h.db.db.chatIdentity.updateMany({
    where: { official: { code: 'TCKH-03' } },
    data: { unreachableAt: hn('2026-12-05T10:00'), unreachableReason: 'Forbidden: bot was blocked by the user' },
  });
  return s;
}
