// The people panel's data: the organisation's units as a tree, each official with title and role, the commands they
// may use (the same rules as /trogiup), and their chats on the built-in platforms (the chat identities the bot linked
// through invite codes, read from the database).
import type { PrismaClient } from '../db/client.js';
import type { OfficialId, UnitId } from '../domain/ids.js';
import type { OrgDirectory } from '../domain/org/directory.js';
import type { Official } from '../domain/org/types.js';
import { reviewablePeople } from '../domain/signals/review.js';
import type { PeopleDirectory, PersonView, UnitView } from './ports.js';

const ROLE_ORDER = { HEAD: 0, DEPUTY: 1, MEMBER: 2 } as const;

/** The Vietnamese command words this person may use (as /trogiup lists them), in the order of Telegram's menu (src/channels/telegram/commands-menu.ts). */
export function commandsFor(org: OrgDirectory, official: Official): string[] {
  const id = official.id as OfficialId;
  const lead = official.role === 'HEAD' || official.role === 'DEPUTY';
  return [
    'viec',
    ...(org.assignableBy(id).length > 0 ? ['giaoviec'] : []),
    'baocao',
    'xinykien',
    'ykien',
    ...(lead ? ['tonghop'] : []),
    ...(official.role === 'HEAD' ? ['danhgia', 'baocaokh'] : []),
    ...(reviewablePeople(org, id).length > 0 ? ['canhbao'] : []),
    ...(official.role === 'HEAD' ? ['rasoat'] : []),
    'tusoi',
    'quantriet',
    'danam',
    ...(lead ? ['bieuduong'] : []),
    'kenh',
    'lang',
    'trogiup',
    'huy',
  ];
}

export function createPeopleDirectory(deps: { db: PrismaClient; org(): Promise<OrgDirectory> }): PeopleDirectory {
  return {
    async tree() {
      const org = await deps.org();
      const identities = await deps.db.chatIdentity.findMany({
        where: { official: { active: true } },
        select: { officialId: true, channel: true, externalUserId: true },
      });
      const chats = new Map<number, { telegram?: number; zalo?: string; oa?: string }>();
      for (const i of identities) {
        const entry = chats.get(i.officialId) ?? {};
        if (i.channel === 'TELEGRAM' && /^\d+$/.test(i.externalUserId)) entry.telegram = Number(i.externalUserId);
        if (i.channel === 'ZALO') entry.zalo = i.externalUserId;
        // "<oa id>:<user id>": the chat is the user id.
        if (i.channel === 'ZALO_OA') entry.oa = i.externalUserId.slice(i.externalUserId.indexOf(':') + 1);
        chats.set(i.officialId, entry);
      }
      const person = (o: Official): PersonView => {
        const superior = org.superiorOf(o.id);
        const chat = chats.get(o.id) ?? {};
        return {
          code: o.code,
          fullName: o.fullName,
          title: o.title,
          role: o.role,
          isAdmin: o.isAdmin,
          unitCode: org.unit(o.unitId)?.code ?? '',
          ...(superior ? { superiorCode: superior.code } : {}),
          ...(chat.telegram === undefined ? {} : { telegramUserId: chat.telegram }),
          ...(chat.zalo === undefined ? {} : { zaloUserId: chat.zalo }),
          ...(chat.oa === undefined ? {} : { oaUserId: chat.oa }),
          commands: commandsFor(org, o),
        };
      };
      const units = org.allUnits();
      const build = (unitId: UnitId): UnitView => {
        const unit = org.unit(unitId)!;
        const people = [...org.membersOf(unitId)].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.code.localeCompare(b.code)).map(person);
        const children = units.filter((u) => u.parentId === unitId).map((u) => build(u.id));
        return { code: unit.code, name: unit.name, people, children };
      };
      return units.filter((u) => u.parentId === null || !org.unit(u.parentId)).map((u) => build(u.id));
    },
  };
}
