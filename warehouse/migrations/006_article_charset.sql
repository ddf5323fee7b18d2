-- 006: which charset an article's bytes were decoded with, and why. A label the bytes refute (a
-- windows-1251 page whose server says UTF-8) is named in the reason:
-- "detected; Content-Type says utf-8 but 812 byte sequences are not UTF-8".
ALTER TABLE articles ADD COLUMN charset VARCHAR;         -- Python's codec name: utf-8, cp1251, koi8-r
ALTER TABLE articles ADD COLUMN charset_reason VARCHAR;  -- byte-order mark | Content-Type | <meta> | detected; ...
