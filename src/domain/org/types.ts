import type { OfficialId, UnitId } from '../ids.js';
import type { Locale } from '../locale.js';

export type Role = 'MEMBER' | 'DEPUTY' | 'HEAD';
export type ChannelName = 'TELEGRAM' | 'ZALO' | 'ZALO_OA';

export interface Unit {
  id: UnitId;
  code: string;
  name: string;
  parentId: UnitId | null;
}

export interface Official {
  id: OfficialId;
  code: string;
  fullName: string;
  title: string;
  role: Role;
  unitId: UnitId;
  /** The explicit superior, when the organisation file names one. */
  superiorId: OfficialId | null;
  isAdmin: boolean;
  locale: Locale;
  active: boolean;
}
