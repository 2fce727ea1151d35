-- The benchmark's register rows (ResidentImportBenchmark.file) as a table, with stored values of the same shape
-- (64-character keys, 67-character ciphertexts). Run once on a copy of the application's database.
create table stage as
select i,
  (1 + i/200)::text b, (1 + i%2)::text u, ((1 + (i/4)%30)::text || '0' || (1+i%4)::text) r,
  '住户' || i n, case when i%3=0 then 'TENANT' else 'OWNER' end k,
  '139' || lpad(i::text, 8, '0') ph,
  encode(sha256(('k'||i)::bytea),'hex') pk,
  'v1:' || substr(encode(sha256(('c'||i)::bytea) || sha256(('d'||i)::bytea),'base64'),1,62) || '==' c,
  '3205**********' || lpad((i%10000)::text,4,'0') m,
  (i%10=0) ns, false ac
from generate_series(0,49999) i;
