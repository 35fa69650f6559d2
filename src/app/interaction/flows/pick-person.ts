import { searchOfficials } from '../../../domain/org/search.js';
import type { Official } from '../../../domain/org/types.js';
import { personLabel } from '../../views/people.js';
import { ask, type DialogInput } from '../dialog.js';
import type { Session } from '../session.js';
import type { OutboundMessage } from '../../ports/channel.js';
import { buttonLabel } from '../../views/labels.js';

const MAX_CHOICES = 8;

export type PersonPick = { chosen: Official } | { reply: OutboundMessage };

/** Search among `candidates` by what was typed; one match is taken, several are offered as choices. */
export function pickPerson(s: Session, input: DialogInput, candidates: Official[]): PersonPick {
  if (input.kind === 'pick') {
    const id = Number(input.value.replace(/^o/, ''));
    const chosen = candidates.find((c) => c.id === id);
    return chosen ? { chosen } : { reply: ask(s, s.t('dialog-pick-invalid')) };
  }
  const query = input.kind === 'text' ? input.text.trim() : '';
  if (!query) return { reply: ask(s, s.t('dialog-need-text')) };
  const found = searchOfficials(query, candidates, MAX_CHOICES);
  if (found.length === 0) return { reply: ask(s, s.t('assign-who-none')) };
  if (found.length === 1) return { chosen: found[0]! };
  return {
    reply: ask(
      s,
      s.t('assign-who-pick'),
      found.map((o) => [{ label: buttonLabel(personLabel(s.t, o)), value: `o${o.id}` }]),
    ),
  };
}
