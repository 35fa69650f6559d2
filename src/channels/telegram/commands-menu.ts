import type { Api } from 'grammy';
import type { Catalogue } from '../../i18n/catalogue.js';

const MENU = ['viec', 'giaoviec', 'baocao', 'xinykien', 'ykien', 'tonghop', 'danhgia', 'canhbao', 'kenh', 'lang', 'trogiup', 'huy'] as const;
const ENGLISH = ['tasks', 'assign', 'report', 'ask', 'opinions', 'digest', 'evaluation', 'signals', 'channel', 'lang', 'help', 'cancel'] as const;

/** The command menu Telegram shows: Vietnamese by default, the English aliases for English-language clients. */
export async function publishCommandMenu(api: Api, catalogue: Catalogue): Promise<void> {
  await api.setMyCommands(MENU.map((c) => ({ command: c, description: catalogue.t('vi', `menu-${c}`) })));
  await api.setMyCommands(
    ENGLISH.map((c, i) => ({ command: c, description: catalogue.t('en', `menu-${MENU[i]!}`) })),
    { language_code: 'en' },
  );
}
