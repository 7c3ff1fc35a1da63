"""Adding to, removing from and exporting the archive, from the menus, dialogs and drops.

Everything here runs through ``ArchiveJobs`` in the background and reports in the
status bar; ``MainWindow`` refreshes its results when a job has changed the archive.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from viewer.ui.archive_stages import ArchiveStages
from viewer.ui.formatting import articles, number
from viewer.ui.tasks import Task

if TYPE_CHECKING:
    from viewer.importer import ImportSummary
    from viewer.ui.main_window import MainWindow


class ArchiveActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.stages = ArchiveStages(window)

    # importing -----------------------------------------------------------------
    def choose_folder(self) -> None:
        start = self._window.settings.last_folder() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self._window, self.tr("Add Folder to the Archive"), start)
        if folder:
            self._window.settings.set_last_folder(folder)
            self.add_paths([folder])

    def choose_files(self) -> None:
        start = self._window.settings.last_folder() or str(Path.home())
        files, _ = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Add Files to the Archive"),
            start,
            self.tr("News files (*.txt *.md *.html *.htm *.json *.jsonl *.ndjson *.gz);;All files (*)"),
        )
        if files:
            self._window.settings.set_last_folder(str(Path(files[0]).parent))
            self.add_paths(files)

    def add_paths(self, paths: list[str]) -> Task | None:
        """Import folders or files in the background (the dialogs and drag-and-drop come here)."""
        paths = [p for p in paths if p]
        if not paths or self._window.library is None:
            return None
        task = self._window.jobs.add(paths)
        name = Path(paths[0]).name or paths[0]
        title = self.tr("Importing %1").replace("%1", name) if len(paths) == 1 else self.tr("Importing")
        self._follow_import(task, title)
        self.stages.run()
        return task

    def rescan(self) -> Task | None:
        if self._window.library is None:
            return None
        task = self._window.jobs.refresh()
        self._follow_import(task, self.tr("Re-scanning"))
        self.stages.run()
        return task

    def import_sample(self) -> Task:
        task = self._window.jobs.ensure_sample()
        self._window.status.import_progress.track(task, self.tr("Importing the sample archive"))
        task.succeeded.connect(self._sample_imported)
        task.failed.connect(self._import_failed)
        self.stages.run()
        return task

    def _sample_imported(self, summary: ImportSummary | None) -> None:
        if summary is None:
            return
        self._window.status.message(
            self.tr("Sample archive ready: %n article(s) to try. Add your own with Archive → Add Folder… (Ctrl+O).",
                    "", summary.added)
        )

    def _follow_import(self, task: Task, title: str) -> None:
        self._window.statusBar().clearMessage()  # the bar's room goes to the progress
        self._window.status.import_progress.track(task, title)
        task.succeeded.connect(self._import_succeeded)
        task.failed.connect(self._import_failed)

    def _import_succeeded(self, summary: ImportSummary) -> None:
        text = (
            self.tr("Import finished: %1 added, %2 updated, %3 removed, %4 duplicates, %5 problems (%6 s).")
            .replace("%1", number(summary.added))
            .replace("%2", number(summary.updated))
            .replace("%3", number(summary.removed))
            .replace("%4", number(summary.duplicates))
            .replace("%5", number(summary.problems))
            .replace("%6", f"{summary.seconds:.1f}")
        )
        self._window.status.message(text, warning=summary.problems > 0)

    def _import_failed(self, error: object) -> None:
        from viewer.importer import ImportCancelled
        from viewer.library import ArchiveBusyError

        if isinstance(error, ImportCancelled):
            self._window.status.message(self.tr("Import cancelled; nothing from it was added."))
        elif isinstance(error, ArchiveBusyError):
            self._window.status.message(
                self.tr("Another program is importing into this archive; try again when it ends."), warning=True
            )
        else:
            self._window.status.message(self.tr("Import failed: %1").replace("%1", str(error)), warning=True)
        self._window.refresh_status()

    # exporting -----------------------------------------------------------------
    def export_results(self) -> None:
        if self._window.library is None:
            return
        start = Path(self._window.settings.last_folder() or Path.home()) / "letopis-results.csv"
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Export Results as CSV"), str(start), self.tr("CSV files (*.csv)")
        )
        if path:
            if not path.lower().endswith(".csv"):
                path += ".csv"
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Task:
        """Write every hit of the current query and filters to ``path`` in the background."""
        task = self._window.jobs.export_csv(self._window.results_model.request, path)
        self._window.status.export_progress.track(task, self.tr("Exporting"))
        task.succeeded.connect(
            lambda count: self._window.status.message(
                self.tr("Exported %1 to %2").replace("%1", articles(int(count))).replace("%2", str(path))
            )
        )
        task.failed.connect(lambda error: self._export_failed(error))
        return task

    def _export_failed(self, error: object) -> None:
        from viewer.ui.archive_work import ExportCancelled

        if isinstance(error, ExportCancelled):
            self._window.status.message(self.tr("Export cancelled."))
        else:
            self._window.status.message(self.tr("Export failed: %1").replace("%1", str(error)), warning=True)

    # dialogs -------------------------------------------------------------------
    def show_problems(self) -> None:
        from viewer.ui.problems_dialog import ProblemsDialog

        if self._window.library is not None:
            ProblemsDialog(self._window.library, self._window).exec()

    def show_aliases(self) -> None:
        from viewer.ui.outlet_aliases_dialog import OutletAliasesDialog

        if self._window.library is not None:
            outlets = sorted(self._window.facets.model.values("outlet"), key=str.casefold)
            OutletAliasesDialog(self._window.library, self._window.jobs, outlets, self._window).exec()

    def show_folders(self) -> None:
        from viewer.ui.folders_dialog import FoldersDialog

        if self._window.library is None:
            return
        dialog = FoldersDialog(self._window.library, self._window)
        dialog.addFolderRequested.connect(self.choose_folder)
        dialog.refreshRequested.connect(self.rescan)
        dialog.removeRequested.connect(self.remove_root)
        self._window.jobs.archiveChanged.connect(dialog.reload)
        dialog.exec()
        self._window.jobs.archiveChanged.disconnect(dialog.reload)

    def remove_root(self, path: str) -> Task:
        task = self._window.jobs.remove_root(path)
        status = self._window.status
        status.import_progress.track(task, self.tr("Removing %1").replace("%1", Path(path).name or path))
        task.succeeded.connect(
            lambda count: status.message(self.tr("Removed %1 from the archive.").replace("%1", articles(count)))
        )
        task.failed.connect(self._import_failed)
        return task
