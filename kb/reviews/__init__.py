"""Review notes: reviewed data (data/reviews/*.yml) that flags claims in answers, with citations."""
