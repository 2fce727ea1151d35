-- wrk script: POST /api/checkpoint with a different person on every request.
-- Each wrk thread has its own Lua state; setup() gives each a distinct id so persons do not repeat.
local counter = 1
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("tid", threads)
end

function init(args)
   tid = tid or 1
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
end

function request()
   counter = counter + 1
   local person = string.format("P%02d%09d", tid, counter)
   local gate = string.format("G%03d", counter % 200)
   local direction = (counter % 2 == 0) and "in" or "out"
   local temperature = string.format("%.1f", 36.0 + (counter % 10) / 10)
   local body = string.format('{"personId":"%s","gateId":"%s","direction":"%s","temperature":%s}',
      person, gate, direction, temperature)
   return wrk.format(nil, "/api/checkpoint", nil, body)
end

-- non-2xx responses are counted by wrk itself ("Non-2xx or 3xx responses").
