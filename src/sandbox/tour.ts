// The scripted tour: a short story a presenter narrates while it plays on the page. Each step is what one official
// does in their chat (typed text, a button pressed, a numbered choice on Zalo) or a move of time, with its narration
// (catalogue keys `sandbox-tour-<id>`, in Vietnamese and English). It is played through the sandbox API as a person
// would act (./tour-player.ts), so the bot needs nothing special for it. The people are those of the sample district
// (samples/huyen-mau.csv), which the sandbox imports; it starts from whatever time the sandbox shows.
import type { SandboxChannel } from './ports.js';
import type { TimeMove } from './time-moves.js';

export type TourAction =
  /** Text typed in the official's chat (a command when it starts with "/"). */
  | { kind: 'say'; who: string; channel: SandboxChannel; text: string }
  /** The newest Telegram button whose label is this. */
  | { kind: 'press'; who: string; channel: 'telegram'; button: string }
  /** The newest numbered choice on Zalo whose label is this: its number is sent. */
  | { kind: 'choose'; who: string; channel: 'zalo'; choice: string }
  | { kind: 'time'; move: TimeMove };

export interface TourStep {
  /** Narration: `sandbox-tour-<id>` in the catalogue. */
  id: string;
  /** What happens; none for a step that only narrates. */
  action?: TourAction;
  /** The chats the page should show for this step (opened side by side), as "<code>:<channel>". */
  show?: string[];
}

const HEAD = 'TCKH-01'; // Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch
const MEMBER = 'TCKH-03'; // Đào Quang Vinh, Chuyên viên
const DEPUTY = 'TCKH-02'; // Huỳnh Thị Mai, Phó Trưởng phòng
const ZALO_MEMBER = 'TCKH-04'; // Nguyễn Thị Thu Hà, Chuyên viên, on Zalo
const OUTSIDE = 'TNMT-01'; // Phạm Quang Huy, Trưởng phòng Tài nguyên và Môi trường
const SUPERIOR = 'UB-02'; // Phạm Văn Hùng, Phó Chủ tịch UBND huyện

const say = (who: string, channel: SandboxChannel, text: string): TourAction => ({ kind: 'say', who, channel, text });
const press = (who: string, button: string): TourAction => ({ kind: 'press', who, channel: 'telegram', button });
const time = (move: TimeMove): TourAction => ({ kind: 'time', move });

export const TOUR: readonly TourStep[] = [
  { id: 'intro', show: [`${HEAD}:telegram`, `${MEMBER}:telegram`] },
  { id: 'morning', action: time('morning') },
  { id: 'hour-1', action: time('hour') },
  { id: 'hour-2', action: time('hour') },
  { id: 'zalo-channel', action: say(ZALO_MEMBER, 'zalo', '/kenh zalo'), show: [`${ZALO_MEMBER}:zalo`] },
  { id: 'assign-start', action: say(HEAD, 'telegram', '/giaoviec'), show: [`${HEAD}:telegram`] },
  { id: 'assign-who', action: say(HEAD, 'telegram', 'dao quang vinh') },
  { id: 'assign-title', action: say(HEAD, 'telegram', 'Tổng hợp số liệu giải ngân vốn đầu tư công quý IV') },
  { id: 'assign-result', action: say(HEAD, 'telegram', 'Bảng tổng hợp theo từng dự án, có ý kiến của chủ đầu tư') },
  { id: 'assign-deadline', action: say(HEAD, 'telegram', '16h thứ 2 tuần sau') },
  { id: 'assign-priority', action: press(HEAD, 'Thường') },
  { id: 'assign-send', action: press(HEAD, 'Giao việc'), show: [`${MEMBER}:telegram`] },
  { id: 'silence' },
  { id: 'next-day', action: time('working-day') },
  { id: 'escalate-head', action: time('hour'), show: [`${HEAD}:telegram`] },
  { id: 'wait-1', action: time('hour') },
  { id: 'wait-2', action: time('hour') },
  { id: 'wait-3', action: time('hour') },
  { id: 'escalate-superior', action: time('hour'), show: [`${SUPERIOR}:telegram`] },
  { id: 'accept', action: press(MEMBER, 'Nhận việc'), show: [`${MEMBER}:telegram`] },
  { id: 'ask-start', action: say(HEAD, 'telegram', '/xinykien'), show: [`${HEAD}:telegram`] },
  { id: 'ask-who-1', action: say(HEAD, 'telegram', 'huynh thi mai') },
  { id: 'ask-who-2', action: say(HEAD, 'telegram', 'dao quang vinh') },
  { id: 'ask-who-3', action: say(HEAD, 'telegram', 'TCKH-04') },
  { id: 'ask-who-4', action: say(HEAD, 'telegram', 'pham quang huy') },
  { id: 'ask-done', action: press(HEAD, 'Xong') },
  { id: 'ask-subject', action: say(HEAD, 'telegram', 'Phương án điều chỉnh kế hoạch vốn năm 2027') },
  { id: 'ask-question', action: say(HEAD, 'telegram', 'Đề nghị cho ý kiến về việc chuyển 2 tỷ đồng từ dự án chậm giải ngân sang dự án đường liên xã.') },
  { id: 'ask-priority', action: press(HEAD, 'Thường') },
  { id: 'ask-deadline', action: press(HEAD, 'Mặc định') },
  { id: 'ask-link', action: press(HEAD, 'Bỏ qua') },
  { id: 'ask-send', action: press(HEAD, 'Gửi xin ý kiến'), show: [`${DEPUTY}:telegram`, `${MEMBER}:telegram`, `${ZALO_MEMBER}:zalo`, `${OUTSIDE}:telegram`] },
  { id: 'answer-agree', action: press(DEPUTY, 'Đồng ý') },
  { id: 'answer-disagree', action: press(MEMBER, 'Không đồng ý') },
  { id: 'answer-disagree-reason', action: say(MEMBER, 'telegram', 'Dự án đường liên xã chưa có thiết kế được duyệt, chưa thể giải ngân trong năm.') },
  { id: 'answer-amend', action: { kind: 'choose', who: ZALO_MEMBER, channel: 'zalo', choice: 'Đồng ý có ý kiến bổ sung' } },
  { id: 'answer-amend-text', action: say(ZALO_MEMBER, 'zalo', 'Đồng ý, đề nghị giữ lại 500 triệu cho dự án trường học.') },
  { id: 'answer-received', action: say(OUTSIDE, 'telegram', 'Đã nhận') },
  { id: 'digest', action: time('morning'), show: [`${HEAD}:telegram`] },
  { id: 'end' },
];

/** Every official the tour acts as (the sandbox links them all; a test links these). */
export const TOUR_PEOPLE: readonly string[] = [HEAD, MEMBER, DEPUTY, ZALO_MEMBER, OUTSIDE, SUPERIOR, 'UB-01'];
