import ipaddr from 'ipaddr.js';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/** What an attempt that got a 2xx answer records. */
export interface OutgoingAnswer {
  statusCode: number;
}

/** An attempt that failed: no answer (refused, unreachable, timed out), or one that was not 2xx. */
export class OutgoingError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null = null,
  ) {
    super(message);
  }
}

export interface OutgoingPolicy {
  /** URL host names (as `URL.hostname` writes them) that may be private: the operator's ALERT_WEBHOOK_ALLOWED_HOSTS. */
  allowedHosts: readonly string[];
  /** The whole attempt, connecting included, until the answer's status line and a first piece of its body. */
  timeoutMs: number;
}

/** How much of a failed answer's body the attempt log keeps. */
const EXCERPT_BYTES = 300;

/**
 * The one way out for requests to addresses that customers choose (webhooks)
 * or operators configure (the SMS HTTP provider): a POST over node:http(s)
 * that never follows a redirect (a 3xx is a failed attempt) and connects only
 * to public unicast addresses. The address is checked where the socket
 * connects (request-filtering-agent checks the literal, or every address the
 * lookup answers for a name, before connecting), so a name that resolves to
 * a public address when saved and to 127.0.0.1 later (DNS rebinding) is
 * refused when it matters. Loopback, private (RFC 1918), link-local (the
 * cloud metadata address 169.254.169.254 among them), unique-local, CGNAT,
 * IPv4-mapped IPv6 and every other non-unicast range are refused unless the
 * URL's host is in the operator's allow-list. Each attempt connects anew
 * (no keep-alive), so each one is checked.
 */
export class OutgoingHttp {
  private readonly allowed: ReadonlySet<string>;
  private readonly agents = {
    guarded: { 'http:': new RequestFilteringHttpAgent({ keepAlive: false }), 'https:': new RequestFilteringHttpsAgent({ keepAlive: false }) },
    trusted: { 'http:': new HttpAgent({ keepAlive: false }), 'https:': new HttpsAgent({ keepAlive: false }) },
  };

  constructor(private readonly policy: OutgoingPolicy) {
    this.allowed = new Set(policy.allowedHosts);
  }

  /** POSTs `body`; answers on a 2xx, throws OutgoingError otherwise. */
  post(target: string, headers: Record<string, string>, body: string): Promise<OutgoingAnswer> {
    const url = URL.canParse(target) ? new URL(target) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return Promise.reject(new OutgoingError(`not an http(s) URL: ${target}`));
    if (url.username || url.password) return Promise.reject(new OutgoingError('the URL carries credentials; refused'));
    const protocol = url.protocol;
    const agent = (this.allowed.has(url.hostname) ? this.agents.trusted : this.agents.guarded)[protocol];
    const send = protocol === 'https:' ? httpsRequest : httpRequest;

    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (outcome: OutgoingAnswer | OutgoingError) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        req.destroy();
        if (outcome instanceof OutgoingError) reject(outcome);
        else resolve(outcome);
      };
      const req = send({
        protocol,
        // node wants an IPv6 literal without its brackets.
        hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      });
      const deadline = setTimeout(() => finish(new OutgoingError(`no answer within ${this.policy.timeoutMs} ms`)), this.policy.timeoutMs);
      req.on('error', (err) => finish(new OutgoingError(describeError(err, url.hostname))));
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) {
          res.resume();
          finish({ statusCode: status });
          return;
        }
        void excerpt(res).then((text) => {
          const message =
            status >= 300 && status < 400
              ? `answered ${status}; redirects are not followed${res.headers.location ? ` (Location: ${res.headers.location.slice(0, 500)})` : ''}`
              : `answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}${text ? `: ${text}` : ''}`;
          finish(new OutgoingError(message, status));
        });
      });
      req.end(body);
    });
  }

  close() {
    for (const agent of [...Object.values(this.agents.guarded), ...Object.values(this.agents.trusted)]) agent.destroy();
  }
}

/** The start of a body, for the attempt log; stops reading there. */
function excerpt(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_BYTES).replace(/\s+/g, ' ').trim());
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= EXCERPT_BYTES) done();
    });
    res.on('end', done);
    res.on('error', done);
    res.on('close', done);
  });
}

// request-filtering-agent's refusal: "DNS lookup <address>(family:<f>, host:<name>) is not allowed. Because, …".
const REFUSAL = /^DNS lookup (\S+?)\(family:[^,]*, host:([^)]*)\) is not allowed/;

/** A refusal by the guard said plainly (which address, which range, how to allow it); other errors as node words them. */
function describeError(err: Error, hostname: string): string {
  const refused = REFUSAL.exec(err.message);
  if (!refused) return err.message;
  const address = refused[1]!;
  const name = refused[2] && refused[2] !== 'undefined' ? refused[2] : null;
  let range = 'reserved';
  try {
    range = ipaddr.parse(address).range();
  } catch {
    // an address ipaddr cannot parse is refused all the same
  }
  const what = name && name !== address ? `${name} resolves to ${address}` : address;
  return `refused by the SSRF guard: ${what} is not a public address (${range}); ALERT_WEBHOOK_ALLOWED_HOSTS may allow the host ${hostname}`;
}
