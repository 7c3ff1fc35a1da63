"""The arithmetic of natasha's news NER network, rearranged for large batches.

The weights are those of ``natasha.NewsNERTagger`` (a slovnet ``NER``: navec word
vectors and shape embeddings, three convolution layers with ReLU and batch norm,
a linear projection to BIO tags, a CRF). slovnet's own forward pass is written for
one input at a time: it builds every convolution window as a copied array and
transposes between layouts after each layer. Here each convolution is three plain
matrix products over the whole batch whose shifted results are added, batch norm
is one multiply-add, and the Viterbi decoding runs over all rows at once. The
numbers are the same as slovnet's up to float rounding (checked in the tests).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

_F32 = np.float32


@contextmanager
def quiet_model_loading() -> Iterator[None]:
    """The model and dictionary packages may warn about their own use of deprecated numpy or
    pkg_resources APIs while loading; those warnings are theirs, not ours."""
    with warnings.catch_warnings():
        for category in (DeprecationWarning, PendingDeprecationWarning, UserWarning, FutureWarning):
            warnings.simplefilter("ignore", category)
        yield


@dataclass(frozen=True)
class _Layer:
    kernels: tuple[np.ndarray, ...]  # one (in, out) matrix per kernel offset
    bias: np.ndarray
    scale: np.ndarray  # batch norm folded into x * scale + shift
    shift: np.ndarray
    padding: int


class NerNetwork:
    """Word and shape ids in, BIO tag ids out, for a padded batch of sentences."""

    def __init__(self) -> None:
        with quiet_model_loading():
            from natasha import NewsEmbedding, NewsNERTagger

            tagger = NewsNERTagger(NewsEmbedding())
        infer = tagger.infer
        model = infer.model
        self.words_vocab = infer.encoder.words_vocab
        self.shapes_vocab = infer.encoder.shapes_vocab
        self.tags = list(infer.decoder.tags_vocab.items)
        self.pad_word = self.words_vocab.pad_id
        self.pad_shape = self.shapes_vocab.pad_id

        navec = model.emb.word
        self._codes = np.asarray(navec.codes.array, dtype=_F32)  # qdim x centroids x chunk
        self._code_rows = np.arange(self._codes.shape[0])
        self._indexes = np.asarray(navec.indexes.array)  # words x qdim
        self._shape_vectors = np.asarray(model.emb.shape.weight.array, dtype=_F32)
        self._layers = [_layer(layer) for layer in model.encoder.layers]
        self._proj_weight = np.asarray(model.head.proj.weight.array, dtype=_F32)
        self._proj_bias = np.asarray(model.head.proj.bias.array, dtype=_F32)
        self._transitions = np.asarray(model.head.crf.transitions.array, dtype=_F32)

    def emissions(self, word_id: np.ndarray, shape_id: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Tag scores (rows x width x tags); padded positions are zeroed between layers."""
        rows, width = word_id.shape
        unique, inverse = np.unique(word_id, return_inverse=True)
        vectors = self._codes[self._code_rows, self._indexes[unique]].reshape(len(unique), -1)
        x = np.concatenate(
            (vectors[inverse.reshape(-1)].reshape(rows, width, -1), self._shape_vectors[shape_id]),
            axis=-1,
        )
        # Zeroed padding makes a padded row compute exactly what it would alone.
        keep = (np.arange(width)[None, :] < lengths[:, None]).astype(_F32)[:, :, None]
        x *= keep
        for layer in self._layers:
            x = _convolve(x, layer)
            x *= keep
        return x @ self._proj_weight + self._proj_bias

    def decode(self, emissions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best tag id sequence of each row (positions past a row's length are 0)."""
        return viterbi(emissions, lengths, self._transitions)


def _layer(layer) -> _Layer:
    weight = np.asarray(layer.conv.weight.array, dtype=_F32)  # out x in x kernel
    kernels = tuple(np.ascontiguousarray(weight[:, :, k].T) for k in range(weight.shape[2]))
    scale = np.asarray(layer.norm.weight.array / layer.norm.std.array, dtype=_F32)
    shift = np.asarray(layer.norm.bias.array - layer.norm.mean.array * scale, dtype=_F32)
    bias = np.asarray(layer.conv.bias.array, dtype=_F32)
    return _Layer(kernels, bias, scale, shift, int(layer.conv.padding))


def _convolve(x: np.ndarray, layer: _Layer) -> np.ndarray:
    """Conv1d (zero padding) + ReLU + batch norm over rows x width x channels.

    Each kernel offset is one matrix product over all positions of the batch; its
    result is added to the output shifted by the offset, so nothing is copied into
    windows and no padded positions are computed.
    """
    rows, width, channels = x.shape
    flat = x.reshape(-1, channels)
    out = np.empty((rows, width, layer.bias.shape[0]), dtype=_F32)
    out[:] = layer.bias
    for offset, kernel in enumerate(layer.kernels):
        shift = offset - layer.padding  # output t reads input t + shift
        if abs(shift) >= width:
            continue
        part = (flat @ kernel).reshape(rows, width, -1)
        if shift >= 0:
            out[:, : width - shift] += part[:, shift:]
        else:
            out[:, -shift:] += part[:, : width + shift]
    np.maximum(out, 0, out=out)
    out *= layer.scale
    out += layer.shift
    return out


def viterbi(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag sequence of each row under a linear-chain CRF, all rows at once.

    The same decoding as slovnet's ``CRF.decode`` (ties go to the lower tag id),
    with the back-tracking vectorised over rows as well.
    """
    rows, width, tags = emissions.shape
    score = emissions[:, 0]
    history = np.empty((max(width - 1, 0), rows, tags), dtype=np.int64)
    for step in range(1, width):
        candidates = score[:, :, None] + transitions[None] + emissions[:, step, None, :]
        previous = candidates.argmax(1)
        history[step - 1] = previous
        advanced = candidates.max(1)
        score = np.where((step < lengths)[:, None], advanced, score)
    best = score.argmax(1)
    out = np.zeros((rows, width), dtype=np.int64)
    all_rows = np.arange(rows)
    for step in range(width - 1, 0, -1):
        active = lengths > step
        out[:, step] = np.where(active, best, 0)
        best = np.where(active, history[step - 1, all_rows, best], best)
    out[:, 0] = best
    return out
