"""Stage link: glossary terms linked at their first mention; related articles and terms."""
