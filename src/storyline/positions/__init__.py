"""Who stands where: stance statements per article (`stage`, which needs spaCy) and their grouping per story
(`group`, which does not: listings import it without loading spaCy)."""
