# syntax=docker/dockerfile:1
# Myomap's production image, built to the same steps as scripts/production-path.sh (which CI runs):
# npm ci → npm run build → npm prune --omit=dev, then only the built output and the production
# dependencies go into a slim runtime image that runs as the unprivileged `node` user.
#   docker build -t myomap .
#   docker run -p 3000:3000 -v myomap-data:/data -e SESSION_SECRET=… myomap          (embedded PGlite)
#   docker compose up                                                            (with PostgreSQL: compose.yaml)
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-slim AS builder
# argon2 may compile from source at install (README, Quick start); the runtime stage needs no compiler.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/contract/package.json packages/contract/
COPY packages/server/package.json packages/server/
COPY packages/web/package.json packages/web/
RUN npm ci --no-audit --no-fund
COPY . .
# npm nests a few server dependencies under packages/server/node_modules; the directory is made
# so the runtime stage can copy it whether or not a version conflict put anything there.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && mkdir -p packages/server/node_modules

FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# Root owns the code (the app cannot rewrite itself); only /data is the node user's.
COPY --from=builder /app/package.json ./
COPY --from=builder /app/node_modules ./node_modules
COPY --from=builder /app/scripts/start.mjs /app/scripts/build-inputs.mjs ./scripts/
COPY --from=builder /app/packages/server/package.json ./packages/server/
COPY --from=builder /app/packages/server/node_modules ./packages/server/node_modules
COPY --from=builder /app/packages/server/dist ./packages/server/dist
COPY --from=builder /app/packages/web/dist ./packages/web/dist
COPY --from=builder /app/packages/web/dist-ssr ./packages/web/dist-ssr
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Liveness only (no database round trip); orchestrators that route traffic should ask /api/ready.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself: it drains requests and closes the database (docker stop).
CMD ["node", "scripts/start.mjs"]
