# Production image of the register API. Built by docker-compose.yml; not used by the embedded default.
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig*.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# DATA_DIR holds the users and their tokens (gebruikers.sqlite) and, on the embedded default, the
# event log and read models. The runtime user must own it, and it must outlive the container: made
# here as root, then declared a volume (a fresh named volume takes this owner; what a RUN changes
# under a path after VOLUME declares it is discarded, so the order matters).
RUN mkdir -p /data && chown node:node /data && chmod 0750 /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# 503 while a projection is stopped or failing (see /health), so a failed rebuild shows as unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
