"""What a worker hands the writer: :class:`Processed`, one batch of warehouse rows.

The rows' columns are the warehouse tables' own (read from the migrations, see
:mod:`orewire.warehouse.schema`): a worker builds article rows with their facts, mentions and
entities nested, packs them into one Arrow table, and the writer (:mod:`orewire.warehouse.load`)
loads that table. This module sits below both, so neither imports the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from orewire.warehouse.schema import table_schema

# Every table's columns are written once, in the migrations (see orewire.warehouse.schema).
ARTICLE_SCHEMA = table_schema("articles")
VERSION_SCHEMA = table_schema("article_versions")
FACT_SCHEMA = table_schema("facts")
MENTION_SCHEMA = table_schema("mentions")
ENTITY_SCHEMA = table_schema("entities")
EVENT_SCHEMA = table_schema("events")
# Article rows as the workers hand them over: the article's columns, then its facts, mentions,
# entities and events nested (the same layout the web-archive importer keeps in its Parquet parts;
# a part written before events existed reads with no events).
NESTED = {"_entities": ENTITY_SCHEMA, "_mentions": MENTION_SCHEMA, "_facts": FACT_SCHEMA, "_events": EVENT_SCHEMA}
PROCESSED_SCHEMA = pa.schema([*ARTICLE_SCHEMA, *(pa.field(name, pa.list_(pa.struct(list(schema))))
                                                  for name, schema in NESTED.items())])


NOT_ARTICLE_SCHEMA = table_schema("not_articles")
FETCH_SCHEMA = table_schema("fetches")


def processed_table(rows: list[dict[str, Any]]) -> pa.Table:
    """Article rows (dicts, as :mod:`orewire.records` builds them) as one Arrow table."""
    return rows_table(rows, PROCESSED_SCHEMA)


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with exactly ``schema``'s columns, in order (missing ones all NULL)."""
    columns = [table.column(f.name).cast(f.type) if f.name in table.column_names else pa.nulls(table.num_rows, f.type)
               for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def rows_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    # Keys outside the schema are ignored and missing ones become NULL. Converting the rows as
    # one struct array runs in Arrow's C++ (about twice as fast as Table.from_pylist).
    return pa.Table.from_struct_array(pa.array(rows, type=pa.struct(list(schema))))


@dataclass
class Processed:
    """Rows for the warehouse from one unit of work, and its counts.

    Article rows are built as dicts (each with its ``_facts``, ``_mentions``, ``_entities`` and ``_events``)
    and, before they leave a worker, packed into one Arrow table (:meth:`pack`): Arrow crosses a
    process boundary as plain buffers, where thousands of small dicts cost more to pickle and
    unpickle than to build, and the writer reads the rows it needs straight from the table.
    """

    articles: list[dict[str, Any]] = field(default_factory=list)   # with _facts/_mentions/_entities/_events
    not_articles: list[dict[str, Any]] = field(default_factory=list)
    records: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    bytes_read: int = 0
    table: Any = None  # packed article rows (pyarrow.Table, PROCESSED_SCHEMA)

    def extend(self, other: Processed) -> Processed:
        if other.table is not None:
            self.pack()
            self.table = other.table if self.table is None else _concat(self.table, other.table)
        self.articles.extend(other.articles)
        self.not_articles.extend(other.not_articles)
        self.records += other.records
        self.skipped += other.skipped
        self.errors.extend(other.errors)
        self.bytes_read += other.bytes_read
        return self

    def pack(self) -> Processed:
        """Move the article dicts into the Arrow table (in order, after what it holds)."""
        if self.articles:
            self.table = self.arrow()
            self.articles = []
        return self

    def arrow(self) -> Any:
        """All article rows as one Arrow table (packed ones first), leaving this batch as it is."""
        if not self.articles:
            return self.table if self.table is not None else processed_table([])
        rows = processed_table(self.articles)
        return rows if self.table is None else _concat(self.table, rows)

    def article_rows(self) -> list[dict[str, Any]]:
        """All article rows as dicts (packed ones first)."""
        return self.arrow().to_pylist()

    @property
    def article_count(self) -> int:
        return len(self.articles) + (self.table.num_rows if self.table is not None else 0)


def _concat(a: Any, b: Any) -> Any:
    return pa.concat_tables([a, b])


