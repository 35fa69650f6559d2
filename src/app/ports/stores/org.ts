import type { OfficialId } from '../../../domain/ids.js';
import type { Locale } from '../../../domain/locale.js';
import type { OrgSnapshot } from '../../../domain/org/import-plan.js';
import type { OrgPlan } from '../../../domain/org/org-import.js';
import type { ChannelName, Official } from '../../../domain/org/types.js';
import type { StoreTx } from '../stores.js';

/** An official with the unit's code and name and the phone number, as linking and the CLI show them. */
export interface OfficialWithUnit extends Official {
  unitCode: string;
  unitName: string;
  phone: string | null;
}

export interface OrgImportSummary {
  unitsCreated: number;
  unitsUpdated: number;
  unitsDeactivated: number;
  officialsCreated: number;
  officialsUpdated: number;
  officialsDeactivated: number;
}

/** The summary and which codes changed, for the audit entry. */
export interface OrgImportChanges {
  summary: OrgImportSummary;
  codes: {
    unitsCreated: string[];
    unitsUpdated: string[];
    unitsDeactivated: string[];
    officialsCreated: string[];
    officialsUpdated: string[];
    officialsDeactivated: string[];
  };
}

/** Units and officials (tables unit, official): one official's settings, and the write side of the import. */
export interface OrgStore {
  /** By code, any case ("pnv-02" is PNV-02); inactive officials too, so the caller can say why it refuses. */
  officialByCode(code: string): Promise<OfficialWithUnit | undefined>;
  /** Joins the transaction when one is given. */
  officialById(id: OfficialId, tx?: StoreTx): Promise<OfficialWithUnit | undefined>;
  /** The language of everything the bot sends this person. */
  setLocale(officialId: number, locale: Locale): Promise<void>;
  /** Where this person's notifications go first (null: the first channel linked). */
  preferredChannel(officialId: number): Promise<ChannelName | null>;
  setPreferredChannel(officialId: number, channel: ChannelName): Promise<void>;
  /** Takes the import's turn (until the transaction ends): two imports at once would undo each other. */
  lockImport(tx: StoreTx): Promise<void>;
  /** Every unit and official by code, inactive ones too, as an import compares them with a file. */
  snapshot(tx: StoreTx): Promise<OrgSnapshot>;
  /** Makes the stored organisation match the plan. */
  applyPlan(tx: StoreTx, plan: OrgPlan, now: Date): Promise<OrgImportChanges>;
}
