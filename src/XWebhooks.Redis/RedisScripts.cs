namespace XWebhooks.Redis;

/// <summary>
/// The Lua scripts that make the multi-key steps of <see cref="RedisWebhookInbox"/> atomic. Each one that acts
/// on a leased entry first checks the lease: the entry is pending for the caller's consumer with the caller's
/// delivery count (XPENDING), so a worker whose lease expired and was reclaimed cannot touch it.
/// </summary>
internal static class RedisScripts
{
    private const string Helpers = """
        local function owned(stream, group, id, consumer, count)
          local p = redis.call('XPENDING', stream, group, id, id, 1)
          return #p == 1 and p[1][2] == consumer and p[1][4] == tonumber(count)
        end
        local function fields(stream, id)
          local e = redis.call('XRANGE', stream, id, id)
          if #e == 0 then return nil end
          local f = e[1][2]
          local t = {}
          for i = 1, #f, 2 do t[f[i]] = f[i + 1] end
          return t
        end

        """;

    /// <summary>KEYS: stream. ARGV: group, id, consumer, delivery count. Returns 1 when completed.</summary>
    public const string Complete = Helpers + """
        if not owned(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then return 0 end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: stream, retry schedule (zset by due time), retry data (hash), retry received-at (zset).
    /// ARGV: group, id, consumer, delivery count, due ms, next attempt, error. Parks the entry outside the
    /// stream until it is due.
    /// </summary>
    public const string RetryLater = Helpers + """
        if not owned(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then return 0 end
        local f = fields(KEYS[1], ARGV[2])
        if f then
          local id = ARGV[2]
          redis.call('HSET', KEYS[3], id .. ':body', f['body'], id .. ':received_at', f['received_at'], id .. ':attempt', ARGV[6], id .. ':error', ARGV[7], id .. ':trace_parent', f['trace_parent'] or '')
          redis.call('ZADD', KEYS[2], ARGV[5], id)
          redis.call('ZADD', KEYS[4], f['received_at'], id)
        end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: stream, retry schedule, retry data, retry received-at. ARGV: now ms, max. Moves parked entries
    /// that are due back to the stream (as new stream entries carrying their attempt); returns how many.
    /// </summary>
    public const string PromoteDue = """
        local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        for _, id in ipairs(ids) do
          local names = { id .. ':body', id .. ':received_at', id .. ':attempt', id .. ':error', id .. ':trace_parent' }
          local v = redis.call('HMGET', KEYS[3], unpack(names))
          if v[1] and v[2] and v[3] then
            redis.call('XADD', KEYS[1], '*', 'body', v[1], 'received_at', v[2], 'attempt', v[3], 'last_error', v[4] or '', 'trace_parent', v[5] or '')
          end
          redis.call('HDEL', KEYS[3], unpack(names))
          redis.call('ZREM', KEYS[2], id)
          redis.call('ZREM', KEYS[4], id)
        end
        return #ids
        """;

    /// <summary>KEYS: stream, dead-letter stream. ARGV: group, id, consumer, delivery count, attempts, error, now ms.</summary>
    public const string DeadLetter = Helpers + """
        if not owned(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then return 0 end
        local f = fields(KEYS[1], ARGV[2])
        if f then
          redis.call('XADD', KEYS[2], '*', 'body', f['body'], 'received_at', f['received_at'], 'attempts', ARGV[5], 'error', ARGV[6], 'dead_at', ARGV[7])
        end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>KEYS: stream, dead-letter stream. ARGV: dead-letter id. Returns 1 when moved back (attempt 1).</summary>
    public const string Redrive = Helpers + """
        local f = fields(KEYS[2], ARGV[1])
        if not f then return 0 end
        redis.call('XADD', KEYS[1], '*', 'body', f['body'], 'received_at', f['received_at'])
        redis.call('XDEL', KEYS[2], ARGV[1])
        return 1
        """;

    /// <summary>KEYS: watermark. ARGV: unix ms. Raises the stored time, never lowers it (instances flush out of order).</summary>
    public const string RaiseWatermark = """
        local current = tonumber(redis.call('GET', KEYS[1]))
        if current == nil or current < tonumber(ARGV[1]) then
          redis.call('SET', KEYS[1], ARGV[1])
          return 1
        end
        return 0
        """;

    /// <summary>
    /// KEYS: stream. ARGV: group, own consumer name, idle ms. Deletes the group's consumers that hold no pending
    /// entry and did not talk to Redis for longer than the idle time (processes that are gone: every live worker
    /// polls); never the caller. Atomic, so a consumer cannot lease an entry between the check and the delete
    /// (XGROUP DELCONSUMER drops a consumer's pending entries). Returns how many were deleted.
    /// </summary>
    public const string RemoveIdleConsumers = """
        local removed = 0
        for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
          local info = {}
          for i = 1, #consumer, 2 do info[consumer[i]] = consumer[i + 1] end
          if info['name'] ~= ARGV[2] and tonumber(info['pending']) == 0 and tonumber(info['idle']) > tonumber(ARGV[3]) then
            redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
            removed = removed + 1
          end
        end
        return removed
        """;
}
