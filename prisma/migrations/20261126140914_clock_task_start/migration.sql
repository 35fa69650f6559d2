-- AlterEnum
ALTER TYPE "ClockKind" ADD VALUE 'TASK_START';
