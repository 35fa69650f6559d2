// What the operator reads when the bot cannot start: short, in Vietnamese and English, saying what to do. (No token
// at all is not a failure: it is the sandbox, src/sandbox/start.ts.)
// Telegram answered getMe with 401 (or 404, its answer to a token it cannot read): the token is wrong or revoked.
export const TOKEN_REFUSED_MESSAGE = `Telegram từ chối TELEGRAM_BOT_TOKEN: mã bot không đúng hoặc đã bị thu hồi.
Cách xử lý: mở Telegram, nhắn @BotFather, gửi /mybots, chọn bot, bấm "API Token" để xem mã hiện tại
(hoặc "Revoke current token" để cấp mã mới); ghi mã đó vào tệp .env:
  TELEGRAM_BOT_TOKEN=123456789:AA…
rồi chạy lại: npm start

Telegram refused TELEGRAM_BOT_TOKEN: the token is wrong or has been revoked.
To fix it: open Telegram, message @BotFather, send /mybots, choose the bot, press "API Token" to see the current
token (or "Revoke current token" for a new one); put it in .env:
  TELEGRAM_BOT_TOKEN=123456789:AA…
then run again: npm start`;
