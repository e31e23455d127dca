#
# Start a child process with the 'spawn' method: fork, then exec a fresh gilpy that reads the
# preparation data and the pickled Process object from a pipe (see spawn.py).
# Adapted for gilpy from CPython 3.11's multiprocessing/popen_spawn_posix.py.
#

import os

from .context import reduction, set_spawning_popen
from . import popen_fork
from . import spawn
from . import util

__all__ = ['Popen']


class _DupFd(object):
    def __init__(self, fd):
        self.fd = fd
    def detach(self):
        return self.fd


def _message(obj):
    data = reduction.ForkingPickler.dumps(obj)
    return len(data).to_bytes(4, 'big') + data


def _spawnv_passfds(path, args, passfds):
    '''fork + exec path with args; the child keeps the descriptors in passfds open.'''
    pid = os.fork()
    if pid == 0:
        try:
            for fd in passfds:
                if hasattr(os, 'set_inheritable'):
                    os.set_inheritable(fd, True)
                else:
                    # dup2() clears the close-on-exec flag of its target descriptor.
                    tmp = os.dup(fd)
                    os.dup2(tmp, fd)
                    os.close(tmp)
            os.execv(path, args)
        finally:
            os._exit(127)
    return pid


class Popen(popen_fork.Popen):
    method = 'spawn'
    DupFd = _DupFd

    def __init__(self, process_obj):
        self._fds = []
        super().__init__(process_obj)

    def duplicate_for_child(self, fd):
        self._fds.append(fd)
        return fd

    def _launch(self, process_obj):
        prep_data = spawn.get_preparation_data(process_obj._name)
        set_spawning_popen(self)
        try:
            data = _message(prep_data) + _message(process_obj)
        finally:
            set_spawning_popen(None)

        parent_r = child_w = child_r = parent_w = None
        try:
            parent_r, child_w = os.pipe()
            child_r, parent_w = os.pipe()
            cmd = spawn.get_command_line(tracker_fd=None, pipe_handle=child_r)
            self._fds.extend([child_r, child_w])
            self.pid = _spawnv_passfds(spawn.get_executable(), cmd, self._fds)
            self.sentinel = parent_r
            popen_fork._write_all(parent_w, data)
        finally:
            fds_to_close = []
            for fd in (parent_r, parent_w):
                if fd is not None:
                    fds_to_close.append(fd)
            self.finalizer = util.Finalize(self, util.close_fds, fds_to_close)

            for fd in (child_r, child_w):
                if fd is not None:
                    os.close(fd)
