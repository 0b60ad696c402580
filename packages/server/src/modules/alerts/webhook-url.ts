import { invalid, parseWebhookUrl } from '@tollgate/domain';
import ipaddr from 'ipaddr.js';

/**
 * Why a URL's host, written as an address, may not receive webhooks: any
 * range but public unicast (loopback, private, link-local with the cloud
 * metadata address 169.254.169.254, unique-local, CGNAT, IPv4-mapped IPv6,
 * NAT64, 6to4…). `localhost` and its subdomains name loopback by definition
 * (RFC 6761). Other names are checked where the delivery connects
 * (notify/outgoing.ts), since what they resolve to can change after saving.
 * Null: nothing refuses it here.
 */
export function refusedHost(hostname: string): string | null {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!ipaddr.isValid(host)) return null;
  const range = ipaddr.parse(host).range();
  return range === 'unicast' ? null : range;
}

/**
 * A webhook URL as saved: http(s), no credentials (domain rules), and not
 * naming a refused address literally unless the operator allows that host
 * (ALERT_WEBHOOK_ALLOWED_HOSTS, as URLs write hosts).
 */
export function parseEndpointUrl(text: string, allowedHosts: readonly string[], field = 'url'): string {
  const url = parseWebhookUrl(text.trim(), field);
  const range = allowedHosts.includes(url.hostname) ? null : refusedHost(url.hostname);
  if (range) throw invalid(field, `${field} points to ${url.hostname}, a ${range} address: webhooks go to public addresses only`);
  return url.toString();
}
