// The policy as the admin writes it (policy.example.yaml): durations as text, windows as "07:30-11:30". The
// defaults live here once, as text, so a working "1d" follows the configured working day when windows change.
import type { Priority } from '../priority.js';
import type { ChannelName } from '../org/types.js';
import type { OaOutsideWindow, PriorityClocks } from './types.js';

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

export interface CalendarSettings {
  /** Local working windows per weekday, "07:30-11:30"; an empty list is a day off. */
  week: Record<WeekdayName, string[]>;
  extraHolidays: string[];
  extraWorkdays: string[];
  tetDaysBefore: number;
  nationalDayExtra: 'auto' | 'before' | 'after';
}

export interface PolicySettings {
  calendar: CalendarSettings;
  clocks: Record<Priority, Record<keyof PriorityClocks, string>>;
  ladder: { stepFraction: number; minStep: string; maxStep: string; urgentMinStep: string; urgentMaxStep: string; topLevel: number; repeatTopEvery: string };
  signals: { roundsWithoutDecision: number; urgentStartWindow: string; bouncesPerTask: number };
  digest: { time: string; dueSoonWorkingDays: number; oldestOverdue: number };
  maxDeadlineYears: number;
  inviteTtl: string;
  promptTtl: string;
  dialogTtl: string;
  minimalNotifications: boolean;
  orgImport: { maxDeactivations: number; maxDeactivationPercent: number };
  channels: { fallbackOrder: ChannelName[] };
  zaloOa: ZaloOaSettings;
  review: { staleAfter: string; decideWithin: string; selfReviewDate: string; selfReviewWithin: string };
  notices: { confirmWithin: string; maxFileMegabytes: number };
  recognition: { minItems: number; unitOnTimePercent: number; unitMinItems: number };
}

/** The Official Account's window and costs as written (durations always wall time: Zalo counts hours). */
export interface ZaloOaSettings {
  freeWindow: string;
  unansweredCap: number;
  deliveryWindow: string;
  outsideWindow: OaOutsideWindow;
  nudge: boolean;
  prices: { billedCs: number; transaction: number };
  monthlyBudget: number;
  budgetWarningShare: number;
}

const OFFICE_DAY = ['07:30-11:30', '13:30-17:00'];

/** PRODUCT.md §4. The explanation deadline is the consultation answer's; URGENT clocks run on wall time. */
export const DEFAULT_SETTINGS: Readonly<PolicySettings> = Object.freeze({
  calendar: {
    week: {
      sunday: [],
      monday: OFFICE_DAY,
      tuesday: OFFICE_DAY,
      wednesday: OFFICE_DAY,
      thursday: OFFICE_DAY,
      friday: OFFICE_DAY,
      saturday: [],
    },
    extraHolidays: [],
    extraWorkdays: [],
    tetDaysBefore: 1,
    nationalDayExtra: 'auto',
  },
  clocks: {
    NORMAL: { accept: '4h', progressInterval: '5d', beforeDeadline: '1d', answer: '3d', explanation: '3d' },
    HIGH: { accept: '2h', progressInterval: '3d', beforeDeadline: '4h', answer: '1d', explanation: '1d' },
    URGENT: { accept: '30m wall', progressInterval: '1d', beforeDeadline: '1h wall', answer: '4h wall', explanation: '4h wall' },
  },
  ladder: { stepFraction: 0.5, minStep: '1h', maxStep: '1d', urgentMinStep: '10m wall', urgentMaxStep: '2h wall', topLevel: 3, repeatTopEvery: '1d' },
  signals: { roundsWithoutDecision: 3, urgentStartWindow: '2h wall', bouncesPerTask: 2 },
  digest: { time: '07:30', dueSoonWorkingDays: 2, oldestOverdue: 10 },
  maxDeadlineYears: 5,
  inviteTtl: '7d wall',
  promptTtl: '30m wall',
  dialogTtl: '2h wall',
  minimalNotifications: false,
  // A file that holds one unit only would otherwise deactivate everyone else (issue 9.4).
  orgImport: { maxDeactivations: 5, maxDeactivationPercent: 10 },
  // Where a notification goes when the person chose no channel (/kenh) or theirs cannot be reached: [] = the channel
  // they linked first.
  channels: { fallbackOrder: [] },
  // Zalo's rule for "tư vấn" messages (reported: zalooa.freshdesk.com 64000261136, docs.abot.vn): free within 48 h of
  // the person's last message and for at most 8 messages without a reply. Prices are reported figures (ZNS price
  // annex 2022: 350 đ a message); check oa.zalo.me/home/pricing and write the unit's own.
  zaloOa: {
    freeWindow: '48h wall',
    unansweredCap: 8,
    deliveryWindow: '7d wall',
    outsideWindow: 'other-channel',
    nudge: true,
    prices: { billedCs: 350, transaction: 350 },
    monthlyBudget: 500_000,
    budgetWarningShare: 0.8,
  },
  // Issue 16: 20 working days makes an open task long-open; the self-review opens on 1 December.
  review: { staleAfter: '20d', decideWithin: '5d', selfReviewDate: '12-01', selfReviewWithin: '10d' },
  // Quán triệt: three working days to confirm; a document within what every platform takes (Telegram: 50 MB).
  notices: { confirmWithin: '3d', maxFileMegabytes: 20 },
  recognition: { minItems: 3, unitOnTimePercent: 90, unitMinItems: 5 },
} satisfies PolicySettings);
