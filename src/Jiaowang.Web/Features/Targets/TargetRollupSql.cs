namespace Jiaowang.Web.Features.Targets;

/// <summary>
/// The triggers that keep <see cref="TargetRollup"/> and the backfill of an existing database, per provider. The
/// migration <c>ScaleRollups</c> runs them; a migration regenerated at a merge must keep its two
/// <c>migrationBuilder.Sql(TargetRollupSql...)</c> lines (the roll-up tests fail without them).
/// </summary>
/// <remarks>
/// Insert: an upsert, count + 1, and the new reading becomes the latest when (AsOf, Id) is greater. Delete: count − 1,
/// the row goes at zero, and when the latest itself went, the next one is read back through the (TargetId, AsOf, Id)
/// index. A change of target, value, date or origin is a delete and an insert. On PostgreSQL the upsert's row lock orders
/// concurrent writers, and the delete branch reads after taking it (a volatile function's statements each see what
/// committed before them). <c>SET LOCAL jiaowang.rollups = 'off'</c> skips the trigger: the restore of a backup copies
/// the roll-ups with the readings.
/// </remarks>
public static class TargetRollupSql
{
    const string Columns = "\"TargetId\", \"ReadingCount\", \"LatestReadingId\", \"LatestValue\", \"LatestAsOf\", \"LatestOrigin\"";
    const string Newer = "(excluded.\"LatestAsOf\", excluded.\"LatestReadingId\") > (\"TargetRollups\".\"LatestAsOf\", \"TargetRollups\".\"LatestReadingId\")";

    static string Upsert(string row) => $"""
        INSERT INTO "TargetRollups" ({Columns})
        VALUES ({row}."TargetId", 1, {row}."Id", {row}."Value", {row}."AsOf", {row}."Origin")
        ON CONFLICT ("TargetId") DO UPDATE SET
            "ReadingCount" = "TargetRollups"."ReadingCount" + 1,
            "LatestReadingId" = CASE WHEN {Newer} THEN excluded."LatestReadingId" ELSE "TargetRollups"."LatestReadingId" END,
            "LatestValue" = CASE WHEN {Newer} THEN excluded."LatestValue" ELSE "TargetRollups"."LatestValue" END,
            "LatestAsOf" = CASE WHEN {Newer} THEN excluded."LatestAsOf" ELSE "TargetRollups"."LatestAsOf" END,
            "LatestOrigin" = CASE WHEN {Newer} THEN excluded."LatestOrigin" ELSE "TargetRollups"."LatestOrigin" END;
        """;

    static string Remove(string row) => $"""
        UPDATE "TargetRollups" SET "ReadingCount" = "ReadingCount" - 1 WHERE "TargetId" = {row}."TargetId";
        DELETE FROM "TargetRollups" WHERE "TargetId" = {row}."TargetId" AND "ReadingCount" <= 0;
        UPDATE "TargetRollups" SET ("LatestReadingId", "LatestValue", "LatestAsOf", "LatestOrigin") =
            (SELECT l."Id", l."Value", l."AsOf", l."Origin" FROM "Readings" AS l WHERE l."TargetId" = {row}."TargetId" ORDER BY l."AsOf" DESC, l."Id" DESC LIMIT 1)
        WHERE "TargetId" = {row}."TargetId" AND "LatestReadingId" = {row}."Id"
            AND EXISTS (SELECT 1 FROM "Readings" AS e WHERE e."TargetId" = {row}."TargetId");
        """;

    /// <summary>Every target's roll-up from its readings: fills a new table, or rebuilds one after <c>DELETE</c>.</summary>
    public const string Backfill = $"""
        INSERT INTO "TargetRollups" ({Columns})
        SELECT r."TargetId", c."N", r."Id", r."Value", r."AsOf", r."Origin"
        FROM (SELECT "TargetId", COUNT(*) AS "N" FROM "Readings" GROUP BY "TargetId") AS c
        JOIN "Readings" AS r ON r."Id" = (SELECT l."Id" FROM "Readings" AS l WHERE l."TargetId" = c."TargetId" ORDER BY l."AsOf" DESC, l."Id" DESC LIMIT 1);
        """;

    public const string TriggerName = "Readings_rollup";

    public static readonly string SqliteUp = $"""
        CREATE TRIGGER "{TriggerName}_insert" AFTER INSERT ON "Readings" BEGIN
        {Upsert("NEW")}
        END;
        CREATE TRIGGER "{TriggerName}_delete" AFTER DELETE ON "Readings" BEGIN
        {Remove("OLD")}
        END;
        CREATE TRIGGER "{TriggerName}_update" AFTER UPDATE OF "TargetId", "Value", "AsOf", "Origin" ON "Readings" BEGIN
        {Remove("OLD")}
        {Upsert("NEW")}
        END;
        {Backfill}
        """;

    public static readonly string SqliteDown = $"""
        DROP TRIGGER IF EXISTS "{TriggerName}_insert";
        DROP TRIGGER IF EXISTS "{TriggerName}_delete";
        DROP TRIGGER IF EXISTS "{TriggerName}_update";
        """;

    public static readonly string PostgresUp = $"""
        CREATE FUNCTION "{TriggerName}"() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            IF current_setting('jiaowang.rollups', true) = 'off' THEN RETURN NULL; END IF;
            IF TG_OP IN ('DELETE', 'UPDATE') THEN
        {Remove("OLD")}
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
        {Upsert("NEW")}
            END IF;
            RETURN NULL;
        END
        $body$;
        CREATE TRIGGER "{TriggerName}" AFTER INSERT OR DELETE OR UPDATE OF "TargetId", "Value", "AsOf", "Origin" ON "Readings"
            FOR EACH ROW EXECUTE FUNCTION "{TriggerName}"();
        {Backfill}
        """;

    public static readonly string PostgresDown = $"""
        DROP TRIGGER IF EXISTS "{TriggerName}" ON "Readings";
        DROP FUNCTION IF EXISTS "{TriggerName}"();
        """;
}
