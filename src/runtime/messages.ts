// What the operator reads when the bot cannot start: short, in Vietnamese and English, saying what to do.
export const NO_TOKEN_MESSAGE = `Chưa có TELEGRAM_BOT_TOKEN (hoặc ZALO_BOT_TOKEN).
Cách lấy mã bot Telegram: mở Telegram, nhắn @BotFather, gửi /newbot, đặt tên và tên đăng nhập cho bot
(kết thúc bằng "bot"), BotFather sẽ gửi lại một mã dạng 123456789:AA…; sao chép .env.example thành .env
(cp .env.example .env) rồi ghi mã đó vào tệp .env:
  TELEGRAM_BOT_TOKEN=123456789:AA…
rồi chạy lại: npm start

TELEGRAM_BOT_TOKEN (or ZALO_BOT_TOKEN) is not set.
To get a Telegram bot token: open Telegram, message @BotFather, send /newbot, choose a name and a username
(ending in "bot"); BotFather replies with a token like 123456789:AA…; copy .env.example to .env
(cp .env.example .env) and put it there:
  TELEGRAM_BOT_TOKEN=123456789:AA…
then run again: npm start`;

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
