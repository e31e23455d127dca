#
# The 'spawn' start method: the child is a fresh gilpy (fork + exec), not a copy of the parent.
#
# The fresh interpreter knows nothing of the parent's program, so before it can unpickle the
# Process object (whose target is a function of the main module, pickled by name) it re-runs
# the main script under the name "__mp_main__". Everything at the top level of the script runs
# again in the child; only code under `if __name__ == "__main__":` does not. A script without
# that guard would start processes while being imported by its own child: _check_not_importing_main
# stops that with CPython's RuntimeError instead of an endless tree of processes.
#
# Adapted for gilpy from CPython 3.11's multiprocessing/spawn.py.
#

import os
import sys

from . import process
from .context import reduction
from . import get_start_method, set_start_method
from . import util

__all__ = ['_main', 'freeze_support', 'set_executable', 'get_executable',
           'get_preparation_data', 'get_command_line', 'import_main_path']

_python_exe = sys.executable


def set_executable(exe):
    global _python_exe
    _python_exe = os.fsdecode(exe)


def get_executable():
    return _python_exe


def is_forking(argv):
    '''
    Return whether commandline indicates we are forking
    '''
    if len(argv) >= 2 and argv[1] == '--multiprocessing-fork':
        return True
    else:
        return False


def freeze_support():
    '''
    Run code for process object if this in not the main process
    '''
    if is_forking(sys.argv):
        kwds = {}
        for arg in sys.argv[2:]:
            name, value = arg.split('=')
            if value == 'None':
                kwds[name] = None
            else:
                kwds[name] = int(value)
        spawn_main(**kwds)
        sys.exit()


def get_command_line(**kwds):
    '''
    Returns prefix of command line used for spawning a child process
    '''
    prog = 'from multiprocessing.spawn import spawn_main; spawn_main(%s)'
    prog %= ', '.join('%s=%r' % item for item in kwds.items())
    opts = util._args_from_interpreter_flags()
    exe = get_executable()
    return [exe] + opts + ['-c', prog, '--multiprocessing-fork']


#
# Messages from the parent: a 4-byte big-endian length, then a pickle
#

def _read_exactly(fd, n):
    chunks = []
    while n > 0:
        chunk = os.read(fd, n)
        if not chunk:
            raise EOFError('the parent closed the pipe while sending the process')
        chunks.append(chunk)
        n -= len(chunk)
    return b''.join(chunks)


def _read_message(fd):
    size = int.from_bytes(_read_exactly(fd, 4), 'big')
    return reduction.ForkingPickler.loads(_read_exactly(fd, size))


def spawn_main(pipe_handle, parent_pid=None, tracker_fd=None):
    '''
    Run code specified by data received over pipe
    '''
    assert is_forking(sys.argv), "Not forking"
    fd = pipe_handle
    parent_sentinel = os.dup(pipe_handle)
    exitcode = _main(fd, parent_sentinel)
    sys.exit(exitcode)


def _main(fd, parent_sentinel):
    try:
        process.current_process()._inheriting = True
        try:
            preparation_data = _read_message(fd)
            prepare(preparation_data)
            self = _read_message(fd)
        finally:
            del process.current_process()._inheriting
    finally:
        os.close(fd)
    return self._bootstrap(parent_sentinel)


def _check_not_importing_main():
    if getattr(process.current_process(), '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')


def get_preparation_data(name):
    '''
    Return info about parent needed by child to unpickle process object
    '''
    _check_not_importing_main()
    d = dict(
        log_to_stderr=util._log_to_stderr,
        authkey=process.current_process().authkey,
        )

    if util._logger is not None:
        d['log_level'] = util._logger.getEffectiveLevel()

    sys_path=sys.path.copy()
    try:
        i = sys_path.index('')
    except ValueError:
        pass
    else:
        sys_path[i] = process.ORIGINAL_DIR

    d.update(
        name=name,
        sys_path=sys_path,
        sys_argv=sys.argv,
        orig_dir=process.ORIGINAL_DIR,
        dir=os.getcwd(),
        start_method=get_start_method(),
        )

    # Figure out whether to initialise main in the subprocess as a module
    # or through direct execution (or to leave it alone entirely)
    main_module = sys.modules['__main__']
    if True:
        main_path = getattr(main_module, '__file__', None)
        if main_path is not None:
            if (not os.path.isabs(main_path) and
                        process.ORIGINAL_DIR is not None):
                main_path = os.path.join(process.ORIGINAL_DIR, main_path)
            d['init_main_from_path'] = os.path.normpath(main_path)

    return d

#
# Prepare current process
#

old_main_modules = []

def prepare(data):
    '''
    Try to get current process ready to unpickle process object
    '''
    if 'name' in data:
        process.current_process().name = data['name']

    if 'authkey' in data:
        process.current_process().authkey = data['authkey']

    if 'log_to_stderr' in data and data['log_to_stderr']:
        util.log_to_stderr()

    if 'log_level' in data:
        util.get_logger().setLevel(data['log_level'])

    if 'sys_path' in data:
        sys.path = data['sys_path']

    if 'sys_argv' in data:
        sys.argv = data['sys_argv']

    if 'dir' in data:
        os.chdir(data['dir'])

    if 'orig_dir' in data:
        process.ORIGINAL_DIR = data['orig_dir']

    if 'start_method' in data:
        set_start_method(data['start_method'], force=True)

    if 'init_main_from_name' in data:
        _fixup_main_from_name(data['init_main_from_name'])
    elif 'init_main_from_path' in data:
        _fixup_main_from_path(data['init_main_from_path'])

def _fixup_main_from_name(mod_name):
    # gilpy: `gilpy -m module` children re-import the module by name as __mp_main__.
    if mod_name == "__main__" or mod_name.endswith(".__main__"):
        return
    __import__(mod_name)
    sys.modules['__main__'] = sys.modules['__mp_main__'] = sys.modules[mod_name]


def _fixup_main_from_path(main_path):
    '''Run the parent's main script in this process as the module __mp_main__, and make it
    __main__ too, so that functions pickled as "__main__.f" are found.'''
    current_main = sys.modules['__main__']
    if getattr(current_main, '__file__', None) == main_path:
        return
    old_main_modules.append(current_main)
    try:
        main_module = type(sys)("__mp_main__")
    except TypeError:
        # gilpy cannot make module objects from Python yet: reuse this process's (empty)
        # `-c` main module under the new name.
        main_module = current_main
        main_module.__dict__['__name__'] = '__mp_main__'
    main_module.__file__ = main_path
    main_module.__builtins__ = __builtins__
    sys.modules['__main__'] = sys.modules['__mp_main__'] = main_module
    with open(main_path, 'rb') as f:
        source = f.read()
    code = compile(source, main_path, 'exec')
    exec(code, main_module.__dict__)


def import_main_path(main_path):
    '''
    Set sys.modules['__main__'] to module at main_path
    '''
    _fixup_main_from_path(main_path)
