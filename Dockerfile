# The image compose.yaml runs for every role (ROLE=bot, worker; the migrate step). Node 22, the locked dependencies,
# the Prisma client generated offline at install (scripts/prisma-generate.mjs).
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
ENV NODE_ENV=production
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
CMD ["node", "--import", "tsx", "src/main.ts"]
