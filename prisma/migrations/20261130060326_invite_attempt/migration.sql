-- CreateTable
CREATE TABLE "invite_attempt" (
    "id" SERIAL NOT NULL,
    "channel" "Channel" NOT NULL,
    "chatId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "invite_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "invite_attempt_channel_chatId_at_idx" ON "invite_attempt"("channel", "chatId", "at");
