// Text typed outside any dialog by someone who owes a stance: "Đã nhận", "sẽ xem xét", a comment. It does not
// answer the consultation (PRODUCT.md §3): it is recorded, shown to the asker, and the clock keeps running. Text that
// plainly states a stance ("đồng ý") is not taken as "no stance": the buttons are offered to record it.
import type { RouterResult } from '../../ports/channel.js';
import { checkFreeText, typedStance } from '../../../domain/consultation/rules.js';
import { hasVisibleText } from '../../../domain/text/sanitize.js';
import { recordFreeText } from '../../consultations/answer.js';
import { stanceButtons, stanceLabel } from '../../views/consultation-views.js';
import { ask, flowReply } from '../dialog.js';
import { freeTextFlow, freeTextReply } from '../flows/consult-flows.js';
import { text, type Session } from '../session.js';
import { buttonLabel } from '../../views/labels.js';

export async function consultationFreeText(s: Session, typed: string): Promise<RouterResult | undefined> {
  // Nothing visible (a message of invisible characters, emptied by the sanitiser) is no reply.
  if (!hasVisibleText(typed)) return undefined;
  const mine = (await s.app.stores.consultations.waitingFor(s.officialId)).filter((r) => r.officialId === s.officialId);
  if (mine.length === 0) return undefined;
  const stance = typedStance(typed);
  if (stance) {
    const replies = mine
      .slice(0, 3)
      .map((r) =>
        text(
          s.t('consult-typed-stance', { stance: stanceLabel(s.t, stance), code: r.consultation.code, subject: s.v.quote(r.consultation.subject, 120) }),
          stanceButtons(s.t, r.consultation.id, r, { clarify: false }),
        ),
      );
    return { replies };
  }
  if (mine.length === 1) {
    const r = await recordFreeText(s.app, s.officialId, mine[0]!.consultation.id, typed);
    return { replies: [freeTextReply(s, r.file.consultation.code, r.file.consultation.id, r.respondent, r.file.consultation.deadline)] };
  }
  const question = ask(
    s,
    s.t('consult-free-pick'),
    mine.slice(0, 8).map((r) => [{ label: buttonLabel(`${r.consultation.code} · ${r.consultation.subject}`), value: `c${r.consultation.id}` }]),
  );
  return flowReply(s, { replies: [question], next: freeTextFlow.at('pick', { text: checkFreeText(typed) }) });
}
