"""Found only through the extra search-path entry given by 014_search_path_env.py."""
VALUE = "found through the search path variable"
