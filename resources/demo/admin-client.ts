/**
 * The demo is seeded through the registry's own HTTP routes, in process (Fastify inject), so every check the
 * registry makes on real input (USCC and resident ID check chars, scheme consistency, conflicts of interest,
 * submission state machine) is made on the demo data too.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { TokenPair } from '../../shared/contract/registry/auth';

type Method = 'GET' | 'POST' | 'PUT';

export class DemoSeedError extends Error {}

export class RegistryClient {
  private constructor(
    private readonly app: FastifyInstance,
    private readonly accessToken: string,
  ) {}

  static async signIn(app: FastifyInstance, username: string, password: string): Promise<RegistryClient> {
    const response = await app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { username, password } });
    if (response.statusCode !== 200) throw new DemoSeedError(`demo: sign-in as ${username} failed (${response.statusCode}): ${response.body}`);
    return new RegistryClient(app, TokenPair.parse(response.json()).accessToken);
  }

  async call<Schema extends z.ZodType>(method: Method, url: string, body: unknown, response: Schema): Promise<z.infer<Schema>> {
    const reply = await this.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${this.accessToken}` },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    if (reply.statusCode < 200 || reply.statusCode > 299) {
      throw new DemoSeedError(`demo: ${method} ${url} was refused (${reply.statusCode}): ${reply.body}`);
    }
    return response.parse(reply.json());
  }
}
