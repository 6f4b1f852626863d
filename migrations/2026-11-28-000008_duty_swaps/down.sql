DROP TABLE duty_swaps;
