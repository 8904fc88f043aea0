"""The Flask search page over an archive of the SPRi AI Brief.

Public interface:

    create_app(config) -> Flask     config: AIBRIEF_HOME (the archive's home folder); tests
                                    may pass AIBRIEF_ARCHIVE (an object with Archive's methods)
    serve(home, host="127.0.0.1", port=5000, processes=1, config=None)
                                    run the app under waitress (forking `processes` workers on
                                    one socket), printing its address once bound
"""

from webui.app import create_app
from webui.serving import serve

__all__ = ["create_app", "serve"]
