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
