import { Migration } from '@mikro-orm/migrations';
import { MONTHS_AHEAD, monthPartitionsBetween, partitionBounds } from '../metering/request-log-partitions';

/** request_logs' indexes, as before; on the partitioned table each partition gets its own. */
const INDEXES = [
  `create index "request_logs_api_key_id_time_index" on "request_logs" ("api_key_id", "time");`,
  `create index "request_logs_organization_id_time_index" on "request_logs" ("organization_id", "time");`,
  `create index "request_logs_project_id_time_index" on "request_logs" ("project_id", "time");`,
  `create index "request_logs_response_id_index" on "request_logs" ("response_id") where "response_id" is not null;`,
];

/**
 * request_logs partitioned by month of `time` (metering/request-log-partitions.ts), every row
 * kept: a partitioned copy with a partition per month from the oldest row's to the next one,
 * filled from the table, which it then replaces under the same name and index names. Its
 * primary key is (id, time), as a partitioned table's unique keys must hold its partition key;
 * an event carries its time unchanged when replayed, so it stays unique per request id.
 */
export class Migration20261201160000 extends Migration {
  override async up(): Promise<void> {
    const months = await this.monthsToCover();
    await this.execute(`create table "request_logs_partitioned" (like "request_logs" including defaults) partition by range ("time");`);
    for (const p of months) await this.execute(`create table "${p.name}" partition of "request_logs_partitioned" ${partitionBounds(p)};`);
    await this.execute(`insert into "request_logs_partitioned" select * from "request_logs";`);
    await this.execute(`drop table "request_logs";`);
    await this.execute(`alter table "request_logs_partitioned" rename to "request_logs";`);
    await this.execute(`alter table "request_logs" add constraint "request_logs_pkey" primary key ("id", "time");`);
    for (const sql of INDEXES) await this.execute(sql);
  }

  override async down(): Promise<void> {
    await this.execute(`create table "request_logs_plain" (like "request_logs" including defaults);`);
    await this.execute(`insert into "request_logs_plain" select * from "request_logs";`);
    await this.execute(`drop table "request_logs";`);
    await this.execute(`alter table "request_logs_plain" rename to "request_logs";`);
    await this.execute(`alter table "request_logs" add constraint "request_logs_pkey" primary key ("id");`);
    for (const sql of INDEXES) await this.execute(sql);
  }

  /** The oldest row's month to the month after now (or after the newest row, if later). */
  private async monthsToCover() {
    const [range] = (await this.execute(`select min("time") as first, max("time") as last from "request_logs"`)) as Array<{
      first: Date | null;
      last: Date | null;
    }>;
    const now = new Date();
    const first = range?.first ? new Date(range.first) : now;
    const newest = range?.last ? new Date(Math.max(new Date(range.last).getTime(), now.getTime())) : now;
    const last = new Date(Date.UTC(newest.getUTCFullYear(), newest.getUTCMonth() + MONTHS_AHEAD, 1));
    return monthPartitionsBetween(first, last);
  }
}
