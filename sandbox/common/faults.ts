import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/**
 * Fault injection for a simulator's vendor API (never for its `/__sim` control API):
 * added latency, the next N calls failing with a status, rate-limited, or cut off mid-request.
 */
export const faultSettingsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    failNext: z.number().int().min(0),
    failStatus: z.number().int().min(400).max(599),
    rateLimitNext: z.number().int().min(0),
    retryAfterSeconds: z.number().int().min(0).max(3600),
    dropNext: z.number().int().min(0),
  })
  .strict();

export type FaultSettings = z.infer<typeof faultSettingsSchema>;

const noFaults: FaultSettings = {
  latencyMs: 0,
  failNext: 0,
  failStatus: 503,
  rateLimitNext: 0,
  retryAfterSeconds: 1,
  dropNext: 0,
};

export interface FaultRenderer {
  serverError(reply: FastifyReply, status: number): FastifyReply;
  rateLimited(reply: FastifyReply, retryAfterSeconds: number): FastifyReply;
}

export class Faults {
  private settings: FaultSettings = { ...noFaults };

  current(): FaultSettings {
    return { ...this.settings };
  }

  update(patch: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...patch };
    return this.current();
  }

  reset(): void {
    this.settings = { ...noFaults };
  }

  /** Consumes at most one pending fault for this request, in order: drop, rate limit, failure. */
  take(): { kind: 'none' | 'drop' | 'rate-limit' | 'fail' } {
    if (this.settings.dropNext > 0) {
      this.settings.dropNext -= 1;
      return { kind: 'drop' };
    }
    if (this.settings.rateLimitNext > 0) {
      this.settings.rateLimitNext -= 1;
      return { kind: 'rate-limit' };
    }
    if (this.settings.failNext > 0) {
      this.settings.failNext -= 1;
      return { kind: 'fail' };
    }
    return { kind: 'none' };
  }
}

const isControlPath = (url: string): boolean => url.startsWith('/__sim');

/** Applies faults to every non-control request, and mounts `GET|POST|DELETE /__sim/faults`. */
export function installFaults(app: FastifyInstance, faults: Faults, render: FaultRenderer): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (isControlPath(request.url)) return;
    const { latencyMs } = faults.current();
    // Injected latency is the fault being simulated, not a synchronisation device.
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const fault = faults.take();
    if (fault.kind === 'drop') {
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (fault.kind === 'rate-limit') return render.rateLimited(reply, faults.current().retryAfterSeconds);
    if (fault.kind === 'fail') return render.serverError(reply, faults.current().failStatus);
    return undefined;
  });

  app.get('/__sim/faults', async () => faults.current());
  app.post('/__sim/faults', async (request, reply) => {
    const parsed = faultSettingsSchema.partial().safeParse(request.body ?? {});
    if (!parsed.success)
      return reply.code(400).send({ error: 'invalid fault settings', issues: parsed.error.issues });
    return faults.update(parsed.data);
  });
  app.delete('/__sim/faults', async () => {
    faults.reset();
    return faults.current();
  });
}
