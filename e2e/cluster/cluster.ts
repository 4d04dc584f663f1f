// A platform cluster for the cluster e2e and the bench: N compiled platform instances
// (out/server/main.js) on one PostgreSQL database of their own, behind nginx (round-robin, SSE
// unbuffered). nginx runs as a non-daemon child with its config, pid, logs and temp files in a
// temp folder; /etc/nginx is never read or written.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot, webRoot } from '../support/paths';

export type Instance = { name: string; port: number; url: string; process: ChildProcess | undefined };

export type Cluster = {
  /** nginx in front of every instance. */
  url: string;
  instances: Instance[];
  databaseUrl: string;
  /** Runs SQL on the cluster's database (test assertions). */
  query: <R extends Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;
  /** SIGKILL: the instance dies without draining (a crash). */
  kill: (i: number) => Promise<void>;
  /** Starts a stopped instance again on its port. */
  restart: (i: number) => Promise<void>;
  stop: () => Promise<void>;
};

export type ClusterOptions = {
  instances?: number;
  /** Extra environment of every instance. */
  env?: NodeJS.ProcessEnv;
  /** Runs after the first instance seeded the demo and before the others start. */
  afterSeed?: (databaseUrl: string, env: NodeJS.ProcessEnv) => void;
};

const serverBundle = join(repoRoot, 'out', 'server', 'main.js');

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });

const adminUrl = (): string => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const withDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const adminQuery = async (sql: string): Promise<void> => {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/** Starts one instance and resolves when it prints its ready line. */
const startInstance = (instance: Instance, env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [serverBundle, '--port', String(instance.port), '--web', webRoot, '--quiet', ...extraArgs],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env, SHANGTONG_INSTANCE: instance.name },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    instance.process = child;
    let output = '';
    // With --seed demo the demo portraits are enrolled after listen: wait for them too.
    const seeding = extraArgs.includes('--seed');
    const timer = setTimeout(
      () => reject(new Error(`${instance.name} did not start in 120 s:\n${output}`)),
      120_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on') && (!seeding || output.includes('Demo portraits ready'))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (instance.process === child) instance.process = undefined;
      reject(new Error(`${instance.name} exited (${code ?? signal}):\n${output}`));
    });
  });

const stopProcess = (child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> =>
  new Promise((done) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });

/** The nginx configuration: round-robin over the instances, streams passed through unbuffered. */
export const nginxConfig = (dir: string, port: number, instances: readonly Instance[]): string => `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 20m;
  upstream shangtong {
${instances.map((i) => `    server 127.0.0.1:${i.port} max_fails=1 fail_timeout=5s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://shangtong;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Server-Sent Events: every event goes out as it is written, and streams stay open.
      proxy_buffering off;
      proxy_read_timeout 1h;
      # A dead instance: the request goes to the next one.
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
`;

const waitForHttp = async (url: string, timeoutMs: number): Promise<void> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

export const startCluster = async (options: ClusterOptions = {}): Promise<Cluster> => {
  const count = options.instances ?? 3;
  const dbName = `shangtong_cluster_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const databaseUrl = withDatabase(adminUrl(), dbName);
  const dir = mkdtempSync(join(tmpdir(), 'shangtong-cluster-'));
  const nginxPort = await freePort();
  const url = `http://127.0.0.1:${nginxPort}`;
  const env: NodeJS.ProcessEnv = {
    DATABASE_URL: databaseUrl,
    SHANGTONG_DATA_KEY: randomBytes(32).toString('base64'),
    // Links handed out point at the load balancer, as in production.
    SHANGTONG_PUBLIC_URL: url,
    ...options.env,
  };
  const instances: Instance[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    instances.push({ name: `i${i + 1}`, port, url: `http://127.0.0.1:${port}`, process: undefined });
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  let nginx: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    await stopProcess(nginx, 'SIGQUIT');
    await Promise.all(instances.map((i) => stopProcess(i.process, 'SIGTERM')));
    await pool.end().catch(() => undefined);
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // The first instance migrates and seeds; the others start on the ready database.
    await startInstance(instances[0]!, env, ['--seed', 'demo']);
    options.afterSeed?.(databaseUrl, env);
    await Promise.all(instances.slice(1).map((i) => startInstance(i, env)));
    writeFileSync(join(dir, 'nginx.conf'), nginxConfig(dir, nginxPort, instances));
    nginx = spawn(
      'nginx',
      ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    await waitForHttp(`${url}/api/v1/openapi.json`, 15_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    url,
    instances,
    databaseUrl,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    kill: (i) => stopProcess(instances[i]!.process, 'SIGKILL'),
    restart: (i) => startInstance(instances[i]!, env),
    stop,
  };
};

/** Seeds `count` synthetic firm clients into the cluster's database (server/seed/firm-cli.ts). */
export const seedFirmClients = (databaseUrl: string, env: NodeJS.ProcessEnv, count: number): void => {
  execFileSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'server/seed/firm-cli.ts',
      '--seed',
      `demo-firm-${count}`,
    ],
    { cwd: repoRoot, env: { ...process.env, ...env, DATABASE_URL: databaseUrl }, stdio: 'inherit' },
  );
};
