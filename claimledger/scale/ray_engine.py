"""The Ray engine: the same `Processor` on a pool of Ray actors, as an ordered Ray Data stream.

The input is read by one task on the driver's node (paths are the driver's paths), streamed in
chunks; Ray Data's backpressure bounds how many chunks are in flight. Results come back in input
order (`preserve_order`) and the driver writes them, so the Parquet files equal the local
engine's byte for byte.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from claimledger.errors import ClaimledgerError
from claimledger.pipeline import check_extraction
from claimledger.scale.batch import CHUNK, DocResult, Processor, read_inputs
from claimledger.settings import ExtractOptions, Settings

INSTALL_HINT = "pip install 'claimledger[scale]' (or use --engine local)"


def process_on_ray(targets: list[str], settings: Settings, workers: int,
                   address: str | None = None) -> Iterator[DocResult]:
    """Run the per-document pipeline on `workers` Ray actors; yields results in input order.

    Without `address` a local Ray instance with `workers` CPUs is started (and stopped after).
    """
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ClaimledgerError(f"--engine ray needs Ray ({exc.name} is missing): {INSTALL_HINT}") from exc
    options = settings.extraction
    check_extraction(options)
    if address:
        ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, logging_level=logging.WARNING,
                 log_to_driver=False)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # no notices amid the progress bar
        ds = ray.data.read_datasource(_inputs_source(targets, settings), num_cpus=0)
        ds = ds.map_batches(_RayWorker, fn_constructor_args=(options,), batch_size=CHUNK,
                            batch_format="pyarrow", num_cpus=1,
                            compute=ray.data.ActorPoolStrategy(size=workers))
        for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
            for payload in batch.column("result").to_pylist():
                yield pickle.loads(payload)
    finally:
        ray.shutdown()


def _inputs_source(targets: list[str], settings: Settings) -> Any:
    """A Ray datasource of one read task that streams the input as blocks of CHUNK documents."""
    from ray.data.block import BlockMetadata
    from ray.data.datasource import Datasource, ReadTask

    def read() -> Iterator[pa.Table]:
        seqs: list[int] = []
        items: list[bytes] = []
        for seq, item in enumerate(read_inputs(targets, settings)):
            seqs.append(seq)
            items.append(pickle.dumps(item))
            if len(seqs) == CHUNK:
                yield pa.table({"seq": seqs, "item": pa.array(items, pa.binary())})
                seqs, items = [], []
        if seqs:
            yield pa.table({"seq": seqs, "item": pa.array(items, pa.binary())})

    class Inputs(Datasource):
        @property
        def supports_distributed_reads(self) -> bool:
            return False  # the paths are the driver's: Ray runs the read task on its node

        def estimate_inmemory_data_size(self) -> int | None:
            return None

        def get_read_tasks(self, parallelism: int, per_task_row_limit: int | None = None,
                           data_context: Any = None) -> list[ReadTask]:
            return [ReadTask(read, BlockMetadata(num_rows=None, size_bytes=None, exec_stats=None,
                                                 input_files=None))]

    return Inputs()


class _RayWorker:
    """A Ray actor's map_batches function: one Processor per actor, loaded in __init__."""

    def __init__(self, options: ExtractOptions) -> None:
        self.process = Processor(options)

    def __call__(self, batch: pa.Table) -> pa.Table:
        results = [pickle.dumps(self.process(seq, pickle.loads(item)))
                   for seq, item in zip(batch.column("seq").to_pylist(),
                                        batch.column("item").to_pylist(), strict=True)]
        return pa.table({"seq": batch.column("seq"), "result": pa.array(results, pa.binary())})
