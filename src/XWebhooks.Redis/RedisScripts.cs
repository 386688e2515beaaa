namespace XWebhooks.Redis;

/// <summary>
/// The Lua scripts that make each inbox operation one round trip and its multi-key steps atomic (StackExchange.Redis
/// sends the text once per connection, then <c>EVALSHA</c>). Each one that acts on a leased entry first checks the
/// lease: the entry is pending for the caller's consumer with the caller's delivery count (<c>XPENDING</c>), so a
/// worker whose lease expired and was reclaimed cannot touch it. Field names are those of
/// <see cref="RedisEntryFormat"/>.
/// </summary>
internal static class RedisScripts
{
    private const string Helpers = """
        local function owned(stream, group, id, consumer, count)
          -- A missing stream or group (FLUSHDB, DEL) means nothing is leased.
          local p = redis.pcall('XPENDING', stream, group, id, id, 1)
          return p.err == nil and #p == 1 and p[1][2] == consumer and p[1][4] == tonumber(count)
        end
        local function fields(stream, id)
          local e = redis.call('XRANGE', stream, id, id)
          if #e == 0 then return nil end
          local f = e[1][2]
          local t = {}
          for i = 1, #f, 2 do t[f[i]] = f[i + 1] end
          return t
        end
        local function optional(args, f, name)
          if f[name] and f[name] ~= '' then
            args[#args + 1] = name
            args[#args + 1] = f[name]
          end
        end

        """;

    /// <summary>
    /// The whole lease in one call. KEYS: stream, retry schedule, retry data, retry received-at. ARGV: group,
    /// consumer, now ms, max entries, lease ms, claim cursor.
    /// <list type="number">
    /// <item>Parked retries that are due move back onto the stream as new entries (carrying their attempt).</item>
    /// <item><c>XAUTOCLAIM</c> takes over entries idle in the group longer than a lease (a dead or stuck worker's),
    /// from the cursor the caller keeps between leases, wrapping around once. The group is created here when
    /// missing (first lease, or the stream was deleted), from id 0 so earlier appends are delivered.</item>
    /// <item><c>XREADGROUP &gt;</c> reads new entries for the rest.</item>
    /// </list>
    /// Returns <c>{ next cursor, { id, delivery count, body, received_at, attempt, trace_parent, event_index }... }</c>,
    /// absent fields as empty strings.
    /// </summary>
    public const string Lease = Helpers + """
        local stream, group, consumer = KEYS[1], ARGV[1], ARGV[2]
        local max = tonumber(ARGV[4])
        local out = {}
        local function add(id, f, count)
          local t = {}
          for i = 1, #f, 2 do t[f[i]] = f[i + 1] end
          out[#out + 1] = { id, count, t['body'] or '', t['received_at'] or '0', t['attempt'] or '', t['trace_parent'] or '', t['event_index'] or '' }
        end

        local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[3], 'LIMIT', 0, max)
        for _, id in ipairs(due) do
          local names = { id .. ':body', id .. ':received_at', id .. ':attempt', id .. ':error', id .. ':trace_parent', id .. ':event_index' }
          local v = redis.call('HMGET', KEYS[3], unpack(names))
          if v[1] and v[2] and v[3] then
            local args = { 'body', v[1], 'received_at', v[2], 'attempt', v[3], 'last_error', v[4] or '' }
            local parked = { trace_parent = v[5], event_index = v[6] }
            optional(args, parked, 'trace_parent')
            optional(args, parked, 'event_index')
            redis.call('XADD', stream, '*', unpack(args))
          end
          redis.call('HDEL', KEYS[3], unpack(names))
          redis.call('ZREM', KEYS[2], id)
          redis.call('ZREM', KEYS[4], id)
        end

        local cursor = ARGV[6]
        for pass = 1, 2 do
          local started = cursor
          local r = redis.pcall('XAUTOCLAIM', stream, group, consumer, ARGV[5], cursor, 'COUNT', max - #out)
          if r.err then
            if string.find(r.err, 'NOGROUP', 1, true) ~= 1 then return redis.error_reply(r.err) end
            redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
            cursor = '0-0'
            break
          end
          for _, e in ipairs(r[2]) do
            -- Redis 6.2 reports an entry deleted while pending as nil (false here); 7 leaves it out.
            if e then add(e[1], e[2], redis.call('XPENDING', stream, group, e[1], e[1], 1)[1][4]) end
          end
          cursor = r[1]
          if started == '0-0' or cursor ~= '0-0' or #out >= max then break end
        end

        if #out < max then
          local r = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', max - #out, 'STREAMS', stream, '>')
          if r then
            for _, e in ipairs(r[1][2]) do add(e[1], e[2], 1) end
          end
        end
        return { cursor, out }
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
    /// stream until it is due; the lease script moves it back.
    /// </summary>
    public const string RetryLater = Helpers + """
        if not owned(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then return 0 end
        local f = fields(KEYS[1], ARGV[2])
        if f then
          local id = ARGV[2]
          redis.call('HSET', KEYS[3], id .. ':body', f['body'], id .. ':received_at', f['received_at'], id .. ':attempt', ARGV[6], id .. ':error', ARGV[7],
            id .. ':trace_parent', f['trace_parent'] or '', id .. ':event_index', f['event_index'] or '')
          redis.call('ZADD', KEYS[2], ARGV[5], id)
          redis.call('ZADD', KEYS[4], f['received_at'], id)
        end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>
    /// KEYS: stream, dead-letter stream. ARGV: group, id, consumer, delivery count, attempts, error, now ms.
    /// The dead letter keeps the trace parent and event index, so a re-driven entry has them again.
    /// </summary>
    public const string DeadLetter = Helpers + """
        if not owned(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then return 0 end
        local f = fields(KEYS[1], ARGV[2])
        if f then
          local args = { 'body', f['body'], 'received_at', f['received_at'], 'attempts', ARGV[5], 'error', ARGV[6], 'dead_at', ARGV[7] }
          optional(args, f, 'trace_parent')
          optional(args, f, 'event_index')
          redis.call('XADD', KEYS[2], '*', unpack(args))
        end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        return 1
        """;

    /// <summary>KEYS: stream, dead-letter stream. ARGV: dead-letter id. Returns 1 when moved back (attempt 1).</summary>
    public const string Redrive = Helpers + """
        local f = fields(KEYS[2], ARGV[1])
        if not f then return 0 end
        local args = { 'body', f['body'], 'received_at', f['received_at'] }
        optional(args, f, 'trace_parent')
        optional(args, f, 'event_index')
        redis.call('XADD', KEYS[1], '*', unpack(args))
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
